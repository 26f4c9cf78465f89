import "#server-only";
import { CSV_COLUMNS, type CsvRow, type ImportError } from "@/app/lib/schemas/review";
import { writeCsv } from "../csv";
import { parseReviewCsv } from "./review-csv-parse";
import { db, rawTransaction, type Execute } from "../db";
import { yieldToEventLoop } from "../time-slices";
import { readHistories, readVersions, replayHistories, writeReplayedStates, type ReplayLog } from "./reschedule";
import { insertImportedLines, LOG_BATCH, type ImportedLine } from "./user-data-writes";
import { getUserSettings, schedulerSettingsOf } from "./settings";
import { visibleItems } from "./visibility";

export { CsvHeaderError } from "@/app/lib/schemas/review";

/**
 * The review log as the FSRS optimizer reads it: one line per answer, oldest first, with
 * `card_id, review_time (ms since epoch), review_rating (1-4), review_state (the FSRS state
 * before the answer: 0 new, 1 learning, 2 review, 3 relearning), review_duration (ms)`.
 */
export async function exportReviewLogCsv(userId: string): Promise<string> {
  const rows = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: { cardId: true, reviewedAt: true, rating: true, state: true, durationMs: true },
  });
  return writeCsv(
    CSV_COLUMNS,
    rows.map((r) => [r.cardId, r.reviewedAt.getTime(), r.rating, r.state, r.durationMs]),
  );
}

export interface ImportResult {
  added: number;
  /** Lines already in the log (same card and time): a re-import adds nothing. */
  alreadyThere: number;
  errors: ImportError[];
  /** Cards whose state was recomputed from their (now longer) history. */
  rescheduled: number;
}

/**
 * Inserts the new lines in batches, a card's lines together and in time order (the log's
 * indexes lead with the user and card: rows in that order fill neighbouring index pages, ~0.5 s
 * less of PostgreSQL's time for 60,000 lines). A clientId already there (a concurrent import)
 * is skipped.
 */
async function insertLines(execute: Execute, userId: string, byCard: ReadonlyMap<string, CsvRow[]>, now: Date): Promise<number> {
  const lines: ImportedLine[] = [];
  for (const [cardId, rows] of byCard) {
    for (const r of rows) {
      lines.push({ cardId, rating: r.review_rating, state: r.review_state, reviewedAt: r.review_time, durationMs: r.review_duration });
    }
  }
  let added = 0;
  for (let start = 0; start < lines.length; start += LOG_BATCH) {
    if (start > 0) await yieldToEventLoop();
    added += await insertImportedLines(execute, userId, lines.slice(start, start + LOG_BATCH), now);
  }
  return added;
}

/**
 * Adds the lines of an optimizer CSV to the user's log (source "import"), all or nothing: when
 * any line fails validation or names an unknown card, every such line is listed (by its line
 * number) and nothing is written (`added` 0). A line whose card and time are already in the log
 * is not added again, so importing the same file twice adds nothing. The states of the cards
 * that got new lines are recomputed from their whole history, in the same transaction as the
 * lines: both are written or neither.
 *
 * Validation runs in time slices before the transaction, the replay in slices inside it while
 * PostgreSQL inserts the lines. The transaction sends only set-based statements on plain pg
 * (`rawTransaction`): new rows block no reader (MVCC), and the importing user's own states are
 * locked only by the final update.
 */
export async function importReviewLogCsv(userId: string, text: string, now: Date): Promise<ImportResult> {
  const { rows, errors } = await parseReviewCsv(text);
  const cardIds = [...new Set(rows.map((r) => r.row.card_id))];
  const known = new Set(
    // Only cards the user may see: another user's own card is "no card" (issue 17).
    (await db.card.findMany({ where: { id: { in: cardIds }, ...visibleItems(userId) }, select: { id: true } })).map((c) => c.id),
  );
  for (const { line, row } of rows) {
    if (!known.has(row.card_id)) errors.push({ line, message: `card_id: no card has the id "${row.card_id}"` });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { added: 0, alreadyThere: 0, errors, rescheduled: 0 };
  }
  // The duplicate check and the replay both need the cards' existing logs: one read for both.
  const [histories, versions] = await Promise.all([readHistories(userId, cardIds), readVersions(userId, cardIds)]);
  const seen = new Set<string>();
  for (const [cardId, logs] of histories) for (const log of logs) seen.add(`${cardId}:${log.reviewedAt.getTime()}`);
  // The new lines by card, in time order (stable: lines of one time keep the file's order).
  const fresh = new Map<string, CsvRow[]>();
  let freshCount = 0;
  let alreadyThere = 0;
  for (const { row } of rows) {
    const key = `${row.card_id}:${row.review_time}`;
    if (seen.has(key)) alreadyThere += 1;
    else {
      seen.add(key);
      const list = fresh.get(row.card_id);
      if (list) list.push(row);
      else fresh.set(row.card_id, [row]);
      freshCount += 1;
    }
  }
  if (freshCount === 0) return { added: 0, alreadyThere, errors, rescheduled: 0 };
  for (const list of fresh.values()) list.sort((a, b) => a.review_time - b.review_time);

  // Each touched card's whole history: its logs (oldest first, as read) merged with the new lines.
  const touched = new Map<string, ReplayLog[]>();
  for (const [cardId, list] of fresh) {
    const added = list.map((r) => ({ rating: r.review_rating, state: r.review_state, reviewedAt: new Date(r.review_time) }));
    const old = histories.get(cardId) ?? [];
    // Stable: a new line of the same time as a logged one comes after it (as createdAt would order them).
    touched.set(cardId, [...old, ...added].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()));
  }
  const settings = schedulerSettingsOf(await getUserSettings(userId));

  return rawTransaction(async (execute) => {
    // The replay (CPU here, in slices) runs while PostgreSQL inserts the lines (its CPU, its
    // process): one after the other they took ~0.6 s + ~2 s of a 60,000-line import.
    const [added, states] = await Promise.all([insertLines(execute, userId, fresh, now), replayHistories(userId, touched, settings)]);
    const rescheduled = await writeReplayedStates(execute, userId, states, versions, now);
    return { added, alreadyThere: alreadyThere + freshCount - added, errors, rescheduled };
  });
}
