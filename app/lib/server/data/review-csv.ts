import "#server-only";
import { CSV_COLUMNS, type CsvRow, type ImportError } from "@/app/lib/schemas/review";
import type { SchedulerSettings } from "@/app/lib/domain/scheduling";
import { writeCsv } from "../csv";
import type { ReviewCsvBatch } from "./review-csv-parse";
import { reviewCsvBatchesOffThread } from "./review-csv-thread";
import { db, rawTransaction, Rollback, type Execute } from "../db";
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
 * Adds the lines of an optimizer CSV to the user's log (source "import"), all or nothing: when
 * any line fails validation or names an unknown card, every such line is listed (by its line
 * number) and nothing is written (`added` 0). A line whose card and time are already in the log
 * is not added again, so importing the same file twice adds nothing. The states of the cards
 * that got new lines are recomputed from their whole history, in the same transaction as the
 * lines: both are written or neither.
 *
 * A pipeline, so Node's work and PostgreSQL's overlap: the file is read and validated in batches
 * of `LOG_BATCH` lines (in time slices), and each valid batch is inserted inside the one
 * transaction while the next is parsed. After the first bad line nothing more is inserted, but
 * the rest is still validated so that every bad line is reported, and the transaction is rolled
 * back. The replay needs a card's whole history, so it runs once the file is read, while the
 * last batches are still being inserted. The transaction sends only set-based statements on
 * plain pg (`rawTransaction`): new rows block no reader (MVCC), and the importing user's own
 * states are locked only by the final update.
 */
export async function importReviewLogCsv(userId: string, text: string, now: Date): Promise<ImportResult> {
  // Read and validated on a worker thread: this thread keeps to the database and the replay.
  const batches = reviewCsvBatchesOffThread(text, LOG_BATCH);
  // The header is checked (CsvHeaderError) before a connection is taken.
  const first = await batches.next();
  const settings = getUserSettings(userId).then(schedulerSettingsOf);
  settings.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  try {
    return await rawTransaction(async (execute) => {
      const pipeline = new ImportPipeline(execute, userId, now);
      if (!first.done) await pipeline.take(first.value);
      for await (const batch of batches) {
        if (pipeline.insertFailed) break;
        await pipeline.take(batch);
      }
      return pipeline.finish(await settings);
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as ImportResult;
    throw error;
  }
}

/** The state of one pipelined import: what has been checked, read and sent so far. */
class ImportPipeline {
  private readonly errors: ImportError[] = [];
  private readonly known = new Set<string>();
  private readonly unknown = new Set<string>();
  /** The logs each card had before the import (read on other connections: they see no new line). */
  private readonly histories = new Map<string, ReplayLog[]>();
  private readonly versions = new Map<string, number>();
  /** `card:time` of every log there and every line taken: a duplicate line is not sent twice. */
  private readonly seen = new Set<string>();
  /** The new lines by card, for the replay. */
  private readonly fresh = new Map<string, CsvRow[]>();
  private valid = 0;
  private added = 0;
  /** The inserts, one after the other on the transaction's connection. */
  private inserting: Promise<void> = Promise.resolve();
  insertFailed = false;

  constructor(
    private readonly execute: Execute,
    private readonly userId: string,
    private readonly now: Date,
  ) {}

  /** Checks a batch's cards, then sends its new lines without waiting for PostgreSQL. */
  async take(batch: ReviewCsvBatch): Promise<void> {
    this.errors.push(...batch.errors);
    const newIds = [...new Set(batch.rows.map((r) => r.row.card_id))].filter((id) => !this.known.has(id) && !this.unknown.has(id));
    if (newIds.length > 0) await this.readCards(newIds);
    const lines: ImportedLine[] = [];
    for (const { line, row } of batch.rows) {
      if (!this.known.has(row.card_id)) {
        this.errors.push({ line, message: `card_id: no card has the id "${row.card_id}"` });
        continue;
      }
      this.valid += 1;
      const key = `${row.card_id}:${row.review_time}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const list = this.fresh.get(row.card_id);
      if (list) list.push(row);
      else this.fresh.set(row.card_id, [row]);
      lines.push({ cardId: row.card_id, rating: row.review_rating, state: row.review_state, reviewedAt: row.review_time, durationMs: row.review_duration });
    }
    if (this.errors.length > 0 || lines.length === 0) return;
    // A card's lines together and in time order: the log's indexes lead with the user and card,
    // and rows in that order fill neighbouring index pages (~0.5 s less of PostgreSQL's time).
    lines.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : a.reviewedAt - b.reviewedAt));
    this.inserting = this.inserting
      .then(() => insertImportedLines(this.execute, this.userId, lines, this.now))
      .then((count) => {
        this.added += count;
      });
    this.inserting.catch(() => {
      this.insertFailed = true;
    });
  }

  /** Which of `cardIds` the user may see and, while the file is still valid, their logs and versions. */
  private async readCards(cardIds: string[]): Promise<void> {
    const wanted = this.errors.length === 0;
    const [visible, histories, versions] = await Promise.all([
      // Only cards the user may see: another user's own card is "no card" (issue 17).
      db.card.findMany({ where: { id: { in: cardIds }, ...visibleItems(this.userId) }, select: { id: true } }),
      wanted ? readHistories(this.userId, cardIds) : null,
      wanted ? readVersions(this.userId, cardIds) : null,
    ]);
    const ids = new Set(visible.map((c) => c.id));
    for (const id of cardIds) (ids.has(id) ? this.known : this.unknown).add(id);
    for (const [cardId, logs] of histories ?? []) {
      this.histories.set(cardId, logs);
      for (const log of logs) this.seen.add(`${cardId}:${log.reviewedAt.getTime()}`);
    }
    for (const [cardId, version] of versions ?? []) this.versions.set(cardId, version);
  }

  /** Rolls back with every bad line, or replays the touched cards and writes their states. */
  async finish(settings: SchedulerSettings): Promise<ImportResult> {
    if (this.errors.length > 0) {
      await this.inserting.catch(() => undefined);
      this.errors.sort((a, b) => a.line - b.line);
      throw new Rollback<ImportResult>({ added: 0, alreadyThere: 0, errors: this.errors, rescheduled: 0 });
    }
    if (this.fresh.size === 0) return { added: 0, alreadyThere: this.valid, errors: [], rescheduled: 0 };
    // Each touched card's whole history: its logs (oldest first, as read) merged with the new lines.
    const touched = new Map<string, ReplayLog[]>();
    for (const [cardId, list] of this.fresh) {
      const added = list.map((r) => ({ rating: r.review_rating, state: r.review_state, reviewedAt: new Date(r.review_time) }));
      // Stable: a new line of the same time as a logged one comes after it (as createdAt would order them).
      touched.set(cardId, [...(this.histories.get(cardId) ?? []), ...added].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()));
    }
    // The replay (CPU here, in slices) runs while PostgreSQL inserts the last batches.
    const [, states] = await Promise.all([this.inserting, replayHistories(this.userId, touched, settings)]);
    const rescheduled = await writeReplayedStates(this.execute, this.userId, states, this.versions, this.now);
    return { added: this.added, alreadyThere: this.valid - this.added, errors: [], rescheduled };
  }
}
