import "#server-only";
import { Worker } from "node:worker_threads";
import { CsvHeaderError } from "@/app/lib/schemas/review";
import { reviewCsvBatches, type ReviewCsvBatch } from "./review-csv-parse";

/** What the worker posts: a batch, the end, or why it stopped (a bad header is a CsvHeaderError here). */
export type WorkerMessage = { kind: "batch"; batch: ReviewCsvBatch } | { kind: "end" } | { kind: "error"; header: boolean; message: string };

/**
 * `reviewCsvBatches` on a worker thread: the same batches, in order, while this thread's event
 * loop stays free for other requests. The worker reads ahead of the caller (the batches wait in
 * a queue here) and is ended when the caller stops early. Where the worker cannot start (Vitest
 * and tsx load the .ts source, which Node 20 cannot run as a worker; the built app runs the
 * bundled chunk), the batches are read on this thread, in time slices, as before.
 */
export async function* reviewCsvBatchesOffThread(text: string, size: number): AsyncGenerator<ReviewCsvBatch> {
  // Written out in the `new Worker(new URL(…, import.meta.url))` form, which Turbopack bundles.
  const worker = new Worker(new URL("./review-csv-worker.ts", import.meta.url), { workerData: { text, size } });
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on("error", (error) => {
    failure = error;
    notify();
  });
  worker.on("exit", () => {
    exited = true;
    notify();
  });
  let received = 0;
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure || exited) break;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      received += 1;
      if (message.kind === "end") return;
      if (message.kind === "error") throw message.header ? new CsvHeaderError(message.message) : new Error(message.message);
      yield message.batch;
    }
  } finally {
    void worker.terminate();
  }
  if (received === 0) {
    // The worker did not start (see above): read the file here. Said outside tests, so a built
    // app whose worker chunk fails is seen in its log rather than only in its latency.
    if (!process.env.VITEST) console.warn(`[import] the CSV worker did not start (${failure ?? "no message"}); reading the file on the main thread`);
    yield* reviewCsvBatches(text, size);
    return;
  }
  throw failure ?? new Error("the CSV worker stopped before the end of the file");
}
