import "#server-only";
import { randomUUID } from "node:crypto";
import {
  rescheduleFromLogs,
  stateFromCode,
  stateToCode,
  type SchedulerSettings,
  type StoredReviewLog,
} from "@/app/lib/domain/scheduling";
import { CSV_COLUMNS, parseReviewCsv, type CsvRow, type ImportError } from "@/app/lib/schemas/review";

export { CsvHeaderError } from "@/app/lib/schemas/review";
import { db } from "../db";
import { getUserSettings, schedulerSettingsOf } from "./settings";

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

interface LogForReplay {
  cardId: string;
  rating: number;
  state: number;
  reviewedAt: Date;
}

function replayLog(log: LogForReplay): StoredReviewLog {
  // Replay reads the rating, the time and whether the card was new; the rest is informative.
  return {
    rating: log.rating as StoredReviewLog["rating"],
    state: stateFromCode(log.state),
    due: log.reviewedAt,
    lastReview: null,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    lapses: 0,
    reviewedAt: log.reviewedAt,
  };
}

/**
 * Recomputes the states of `cardIds` (or of every card the user has a log for) by replaying
 * their logs with `settings`. A state that changed meanwhile (its version moved) is left as it
 * is. Returns how many states were written.
 */
export async function rescheduleCards(
  userId: string,
  settings: SchedulerSettings,
  cardIds: readonly string[] | null,
  now: Date,
): Promise<number> {
  const [logs, states] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, ...(cardIds ? { cardId: { in: [...cardIds] } } : {}) },
      orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }, { createdAt: "asc" }],
      select: { cardId: true, rating: true, state: true, reviewedAt: true },
    }),
    db.cardState.findMany({
      where: { userId, ...(cardIds ? { cardId: { in: [...cardIds] } } : {}) },
      select: { cardId: true, version: true },
    }),
  ]);
  const versions = new Map(states.map((s) => [s.cardId, s.version]));
  const byCard = new Map<string, StoredReviewLog[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId) ?? [];
    list.push(replayLog(log));
    byCard.set(log.cardId, list);
  }
  let written = 0;
  const entries = [...byCard.entries()];
  for (let start = 0; start < entries.length; start += 500) {
    const batch = entries.slice(start, start + 500);
    const ops = batch.flatMap(([cardId, history]) => {
      let next;
      try {
        next = rescheduleFromLogs(history, settings);
      } catch (error) {
        console.error(`reschedule: card ${cardId} of user ${userId} kept its state`, error);
        return [];
      }
      if (!next) return [];
      const data = { ...next, state: stateToCode(next.state) };
      const version = versions.get(cardId);
      if (version === undefined) {
        return [db.cardState.createMany({ data: [{ userId, cardId, ...data, version: 1, updatedAt: now }], skipDuplicates: true })];
      }
      return [db.cardState.updateMany({ where: { userId, cardId, version }, data: { ...data, version: version + 1 } })];
    });
    const results = await db.$transaction(ops);
    written += results.reduce((sum, r) => sum + r.count, 0);
  }
  return written;
}

/**
 * Adds the lines of an optimizer CSV to the user's log (source "import"), all or nothing: when
 * any line fails validation or names an unknown card, every such line is listed (by its line
 * number) and nothing is written (`added` 0). A line whose card and time are already in the log
 * is not added again, so importing the same file twice adds nothing. The states of the cards
 * that got new lines are then recomputed from their whole history.
 */
export async function importReviewLogCsv(userId: string, text: string, now: Date): Promise<ImportResult> {
  const { rows, errors } = parseReviewCsv(text);
  const cardIds = [...new Set(rows.map((r) => r.row.card_id))];
  const known = new Set(
    (await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true } })).map((c) => c.id),
  );
  const valid = rows.filter(({ line, row }) => {
    if (known.has(row.card_id)) return true;
    errors.push({ line, message: `card_id: no card has the id "${row.card_id}"` });
    return false;
  });
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { added: 0, alreadyThere: 0, errors, rescheduled: 0 };
  }
  const existing = await db.reviewLog.findMany({
    where: { userId, cardId: { in: [...known] } },
    select: { cardId: true, reviewedAt: true },
  });
  const seen = new Set(existing.map((e) => `${e.cardId}:${e.reviewedAt.getTime()}`));
  const fresh: CsvRow[] = [];
  let alreadyThere = 0;
  for (const { row } of valid) {
    const key = `${row.card_id}:${row.review_time}`;
    if (seen.has(key)) alreadyThere += 1;
    else {
      seen.add(key);
      fresh.push(row);
    }
  }
  const batches = [];
  for (let start = 0; start < fresh.length; start += 1000) {
    const batch = fresh.slice(start, start + 1000);
    batches.push(db.reviewLog.createMany({
      data: batch.map((row) => ({
        id: randomUUID(),
        clientId: `import-${row.card_id}-${row.review_time}`,
        userId,
        cardId: row.card_id,
        rating: row.review_rating,
        state: row.review_state,
        due: new Date(row.review_time),
        stability: 0,
        difficulty: 0,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reviewedAt: new Date(row.review_time),
        durationMs: row.review_duration,
        previous: {},
        source: "import",
      })),
      skipDuplicates: true,
    }));
  }
  // One transaction: the lines go in together or not at all.
  const added = (await db.$transaction(batches)).reduce((sum, r) => sum + r.count, 0);
  let rescheduled = 0;
  if (added > 0) {
    const touched = [...new Set(fresh.map((r) => r.card_id))];
    rescheduled = await rescheduleCards(userId, schedulerSettingsOf(await getUserSettings(userId)), touched, now);
  }
  return { added, alreadyThere, errors, rescheduled };
}
