import "#server-only";
import { parentPort, workerData } from "node:worker_threads";
import { CsvHeaderError } from "@/app/lib/schemas/review";
import { reviewCsvBatches } from "./review-csv-parse";
import type { WorkerMessage } from "./review-csv-thread";

/**
 * The worker thread of a review CSV import (started by review-csv-thread.ts): reads and
 * validates the file and posts each batch, so the parse and zod's checks (~0.8 s of CPU for
 * 60,000 lines) run beside the server's event loop instead of on it.
 */
async function run(port: NonNullable<typeof parentPort>) {
  const { text, size } = workerData as { text: string; size: number };
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    for await (const batch of reviewCsvBatches(text, size)) post({ kind: "batch", batch });
    post({ kind: "end" });
  } catch (error) {
    post({ kind: "error", header: error instanceof CsvHeaderError, message: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort) void run(parentPort);
