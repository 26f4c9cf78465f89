import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import {
  replayInput,
  rescheduleFromLogs,
  type ReplayedAnswer,
  stateToCode,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { db, rawRows } from "../db";
import { forEachSliced } from "../time-slices";

/**
 * Card states recomputed from their review logs (after an import, new weights or a new desired
 * retention). The replay is CPU work (ts-fsrs, ~7 µs an answer): it runs in time slices so a
 * user with 100,000 answers does not hold up every other request of the process, and outside
 * the write transaction, which then only sends a few set-based statements.
 */

/** What the replay reads of a log: the rating, the time and whether the card was new. */
export type ReplayLog = ReplayedAnswer;

/**
 * Each card's state after replaying its history (oldest first) with `settings`. A card whose
 * replay fails keeps its state (and is logged): one bad history must not stop the others.
 */
export async function replayHistories(
  userId: string,
  histories: ReadonlyMap<string, readonly ReplayLog[]>,
  settings: SchedulerSettings,
): Promise<Map<string, StoredCardState>> {
  const states = new Map<string, StoredCardState>();
  await forEachSliced([...histories], ([cardId, history]) => {
    try {
      const next = rescheduleFromLogs(history.map(replayInput), settings);
      if (next) states.set(cardId, next);
    } catch (error) {
      console.error(`reschedule: card ${cardId} of user ${userId} kept its state`, error);
    }
  });
  return states;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Writes replayed states in two statements: a new row (version 1) for a card that has none, an
 * update (version + 1) for one whose version is still `versions`' (a state answered meanwhile
 * is left as it is). Returns how many states were written.
 */
export async function writeReplayedStates(
  tx: Prisma.TransactionClient,
  userId: string,
  states: ReadonlyMap<string, StoredCardState>,
  versions: ReadonlyMap<string, number>,
  now: Date,
): Promise<number> {
  const columns = (entries: [string, StoredCardState][]) => ({
    cardIds: entries.map(([id]) => id),
    due: entries.map(([, s]) => s.due.toISOString()),
    stability: entries.map(([, s]) => s.stability),
    difficulty: entries.map(([, s]) => s.difficulty),
    elapsedDays: entries.map(([, s]) => s.elapsedDays),
    scheduledDays: entries.map(([, s]) => s.scheduledDays),
    learningSteps: entries.map(([, s]) => s.learningSteps),
    reps: entries.map(([, s]) => s.reps),
    lapses: entries.map(([, s]) => s.lapses),
    state: entries.map(([, s]) => stateToCode(s.state)),
    lastReview: entries.map(([, s]) => iso(s.lastReview)),
  });
  const rows = (c: ReturnType<typeof columns>) => Prisma.sql`
    unnest(${c.cardIds}::text[], ${c.due}::text[]::timestamp[], ${c.stability}::float8[], ${c.difficulty}::float8[],
           ${c.elapsedDays}::int[], ${c.scheduledDays}::int[], ${c.learningSteps}::int[], ${c.reps}::int[],
           ${c.lapses}::int[], ${c.state}::int[], ${c.lastReview}::text[]::timestamp[])
      AS u("cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")`;
  const all = [...states];
  const fresh = all.filter(([id]) => !versions.has(id));
  const known = all.filter(([id]) => versions.has(id));
  let written = 0;
  if (fresh.length > 0) {
    written += await tx.$executeRaw`
      INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                               "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt")
      SELECT ${userId}, u."cardId", u.due, u.stability, u.difficulty, u."elapsedDays", u."scheduledDays",
             u."learningSteps", u.reps, u.lapses, u.state, u."lastReview", 1, ${now.toISOString()}::timestamp
        FROM ${rows(columns(fresh))}
      ON CONFLICT ("userId", "cardId") DO NOTHING`;
  }
  if (known.length > 0) {
    const expected = known.map(([id]) => versions.get(id) ?? 0);
    written += await tx.$executeRaw`
      UPDATE "CardState" s
         SET due = u.due, stability = u.stability, difficulty = u.difficulty, "elapsedDays" = u."elapsedDays",
             "scheduledDays" = u."scheduledDays", "learningSteps" = u."learningSteps", reps = u.reps, lapses = u.lapses,
             state = u.state, "lastReview" = u."lastReview", version = s.version + 1, "updatedAt" = ${now.toISOString()}::timestamp
        FROM ${rows(columns(known))}, unnest(${known.map(([id]) => id)}::text[], ${expected}::int[]) AS v("cardId", version)
       WHERE s."userId" = ${userId} AND s."cardId" = u."cardId" AND v."cardId" = u."cardId" AND s.version = v.version`;
  }
  return written;
}

/** The user's logs of `cardIds` (or of every card), grouped by card, oldest first. */
export async function readHistories(userId: string, cardIds: readonly string[] | null): Promise<Map<string, ReplayLog[]>> {
  // Plain pg, not Prisma: reading a long log row by row through Prisma costs ~10× the CPU.
  const rows = await rawRows<ReplayLog & { cardId: string }>(Prisma.sql`
    SELECT "cardId", rating, state, "reviewedAt" FROM "ReviewLog"
     WHERE "userId" = ${userId} ${cardIds ? Prisma.sql`AND "cardId" = ANY(${[...cardIds]}::text[])` : Prisma.empty}
     ORDER BY "cardId", "reviewedAt", "createdAt"`);
  const byCard = new Map<string, ReplayLog[]>();
  for (const row of rows) {
    const list = byCard.get(row.cardId);
    if (list) list.push(row);
    else byCard.set(row.cardId, [row]);
  }
  return byCard;
}

/** The versions of the user's states of `cardIds` (or of every card). */
export async function readVersions(userId: string, cardIds: readonly string[] | null): Promise<Map<string, number>> {
  const rows = await rawRows<{ cardId: string; version: number }>(Prisma.sql`
    SELECT "cardId", version FROM "CardState"
     WHERE "userId" = ${userId} ${cardIds ? Prisma.sql`AND "cardId" = ANY(${[...cardIds]}::text[])` : Prisma.empty}`);
  return new Map(rows.map((r) => [r.cardId, r.version]));
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
  const [histories, versions] = await Promise.all([readHistories(userId, cardIds), readVersions(userId, cardIds)]);
  const states = await replayHistories(userId, histories, settings);
  return db.$transaction((tx) => writeReplayedStates(tx, userId, states, versions, now), { timeout: 60_000, maxWait: 10_000 });
}
