import "#server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import {
  csvColumnIndex,
  CSV_COLUMNS,
  parseReviewCsvLine,
  reviewCsvLines,
  type CsvRow,
  type ImportError,
} from "@/app/lib/schemas/review";
import { db } from "../db";
import { forEachSliced, yieldToEventLoop } from "../time-slices";
import { readHistories, readVersions, replayHistories, writeReplayedStates, type ReplayLog } from "./reschedule";
import { getUserSettings, schedulerSettingsOf } from "./settings";

export { CsvHeaderError } from "@/app/lib/schemas/review";
export { rescheduleCards } from "./reschedule";

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
  const lines = rows.map((r) => `${r.cardId},${r.reviewedAt.getTime()},${r.rating},${r.state},${r.durationMs}`);
  return `${CSV_COLUMNS.join(",")}\n${lines.join("\n")}${lines.length ? "\n" : ""}`;
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
 * Rows per INSERT (one array parameter per column, so ~20 parameters whatever the size). pg
 * serialises the arrays on the event loop: 10,000 rows held it ~100 ms; 2,000 keep it short.
 */
const INSERT_BATCH = 2_000;

/** Validates every line, in time slices (60,000 lines of zod take most of a second). */
async function parseLines(text: string): Promise<{ rows: { line: number; row: CsvRow }[]; errors: ImportError[] }> {
  const lines = reviewCsvLines(text);
  const index = csvColumnIndex(lines[0] ?? "");
  const rows: { line: number; row: CsvRow }[] = [];
  const errors: ImportError[] = [];
  await forEachSliced(lines, (lineText, i) => {
    if (i === 0) return;
    const parsed = parseReviewCsvLine(lineText, index);
    if (parsed?.ok) rows.push({ line: i + 1, row: parsed.row });
    else if (parsed) errors.push({ line: i + 1, message: parsed.message });
  });
  return { rows, errors };
}

/** Inserts the new lines as import logs; a clientId already there (a concurrent import) is skipped. */
async function insertLogs(tx: Prisma.TransactionClient, userId: string, rows: readonly CsvRow[], now: Date): Promise<number> {
  let added = 0;
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const times = batch.map((r) => new Date(r.review_time).toISOString());
    if (start > 0) await yieldToEventLoop();
    added += await tx.$executeRaw`
      INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                               "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous,
                               source, "createdAt")
      SELECT u.id, u."clientId", ${userId}, u."cardId", u.rating, u.state, u.at, 0, 0, 0, 0, 0, 0, u.at, u.duration,
             '{}'::jsonb, 'import', ${now.toISOString()}::timestamp
        FROM unnest(${batch.map(() => randomUUID())}::text[], ${batch.map((r) => `import-${r.card_id}-${r.review_time}`)}::text[],
                    ${batch.map((r) => r.card_id)}::text[], ${batch.map((r) => r.review_rating)}::int[],
                    ${batch.map((r) => r.review_state)}::int[], ${times}::text[]::timestamp[],
                    ${batch.map((r) => r.review_duration)}::int[])
          AS u(id, "clientId", "cardId", rating, state, at, duration)
      ON CONFLICT ("userId", "clientId") DO NOTHING`;
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
 * The CPU work (validation, the replay) runs in time slices before the transaction, which then
 * holds a connection only for a few set-based statements: new rows block no reader (MVCC), and
 * the importing user's own states are locked only by the final update.
 */
export async function importReviewLogCsv(userId: string, text: string, now: Date): Promise<ImportResult> {
  const { rows, errors } = await parseLines(text);
  const cardIds = [...new Set(rows.map((r) => r.row.card_id))];
  const known = new Set(
    (await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true } })).map((c) => c.id),
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
  const fresh: CsvRow[] = [];
  let alreadyThere = 0;
  for (const { row } of rows) {
    const key = `${row.card_id}:${row.review_time}`;
    if (seen.has(key)) alreadyThere += 1;
    else {
      seen.add(key);
      fresh.push(row);
    }
  }
  if (fresh.length === 0) return { added: 0, alreadyThere, errors, rescheduled: 0 };

  const touched = new Map<string, ReplayLog[]>();
  for (const row of fresh) {
    const log = { rating: row.review_rating, state: row.review_state, reviewedAt: new Date(row.review_time) };
    const list = touched.get(row.card_id);
    if (list) list.push(log);
    else touched.set(row.card_id, [...(histories.get(row.card_id) ?? []), log]);
  }
  // Stable: lines of the same time keep the log's order, then the file's (as createdAt would).
  for (const list of touched.values()) list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const states = await replayHistories(userId, touched, schedulerSettingsOf(await getUserSettings(userId)));

  return db.$transaction(
    async (tx) => {
      const added = await insertLogs(tx, userId, fresh, now);
      const rescheduled = await writeReplayedStates(tx, userId, states, versions, now);
      return { added, alreadyThere: alreadyThere + fresh.length - added, errors, rescheduled };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
