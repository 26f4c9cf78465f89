import "#server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { performance } from "node:perf_hooks";

/**
 * CPU-bound loops over big inputs (an import's 60,000 lines, a replay of every card) cut into
 * slices of a few milliseconds, with the event loop let through between slices: one request's
 * work then delays the others of this process by one slice, not by the whole loop.
 */

/** Long enough that the yields cost little (~1 % at 8 ms), short enough that nobody waits for it. */
export const SLICE_MS = 8;

/** Lets every pending I/O callback and timer of the process run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}

/**
 * Calls `work(item, index)` for each item, in order, yielding to the event loop whenever a
 * slice of `SLICE_MS` has been used. The clock is read every 64 items, not every item.
 */
export async function forEachSliced<T>(items: readonly T[], work: (item: T, index: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i += 1) {
    work(items[i] as T, i);
    if ((i & 63) === 63 && performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
