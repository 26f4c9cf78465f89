import type { QueueCounts, ReviewCard } from "@/app/lib/server/data/review-queue";
import type { PendingAnswer } from "./outbox";

/** The counts with one card of `kind` fewer (never below 0). */
export function minus(counts: QueueCounts, kind: ReviewCard["kind"]): QueueCounts {
  return { ...counts, [kind]: Math.max(0, counts[kind] - 1) };
}

/** The server's counts less the answers still on their way to it (so they are not counted twice). */
export function countsWithoutPending(counts: QueueCounts, pending: readonly PendingAnswer[]): QueueCounts {
  return pending.reduce<QueueCounts>((acc, answer) => minus(acc, answer.kind), counts);
}
