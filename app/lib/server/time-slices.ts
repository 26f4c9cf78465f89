import "#server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { performance } from "node:perf_hooks";

/**
 * CPU-bound loops over big inputs (an import's 60,000 lines, a replay of every card) cut into
 * slices of a few milliseconds, with the event loop let through between slices: one request's
 * work then delays the others of this process by one slice, not by the whole loop.
 */

/**
 * Short, because another request's work is itself many async steps, each of which may wait out
 * one slice: at 8 ms a page render waited ~20 slices and the library page's p95 doubled during
 * an import; at 2 ms it rises by about half, for the same import time (bench:import).
 */
export const SLICE_MS = 2;

/** Lets every pending I/O callback and timer of the process run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}

/**
 * Calls `work(item, index)` for each item, in order, yielding to the event loop whenever a
 * slice of `SLICE_MS` has been used. The clock is read after every item (~50 ns): items can be
 * heavy (one card's whole history replayed), and reading it every 64 items let a slice of the
 * replay run ~700 ms.
 */
export async function forEachSliced<T>(items: readonly T[], work: (item: T, index: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i += 1) {
    work(items[i] as T, i);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
