import "#server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import type { UserDataFile } from "@/app/lib/schemas/user-data";

/**
 * The bulk writes of an import (card states, the review log) as set-based SQL: each column is
 * one array parameter of `unnest`, so a batch of 10,000 rows is one statement of ~20 parameters.
 * Prisma's `createMany` compiles every row in its query compiler (WebAssembly, on the event
 * loop): 65,000 logs cost about a minute of CPU there, during which no other request ran.
 */

/**
 * Rows per INSERT: big enough that round trips do not count, small enough to yield between (pg
 * serialises the column arrays on the event loop: 10,000 rows held it ~100 ms).
 */
export const LOG_BATCH = 2_000;

type ExportedState = UserDataFile["cardStates"][number];
type ExportedLog = UserDataFile["reviewLogs"][number];
export type CardStateFields = Omit<ExportedState, "note" | "card">;
export type ReviewLogRow = Omit<ExportedLog, "note" | "card"> & { cardId: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function stateColumns(states: ReadonlyMap<string, CardStateFields>) {
  const entries = [...states];
  const pick = <T>(f: (s: CardStateFields) => T) => entries.map(([, s]) => f(s));
  return Prisma.sql`unnest(
      ${entries.map(([id]) => id)}::text[], ${pick((s) => s.due.toISOString())}::text[]::timestamp[],
      ${pick((s) => s.stability)}::float8[], ${pick((s) => s.difficulty)}::float8[], ${pick((s) => s.elapsedDays)}::int[],
      ${pick((s) => s.scheduledDays)}::int[], ${pick((s) => s.learningSteps)}::int[], ${pick((s) => s.reps)}::int[],
      ${pick((s) => s.lapses)}::int[], ${pick((s) => s.state)}::int[], ${pick((s) => iso(s.lastReview))}::text[]::timestamp[])
    AS u("cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")`;
}

/** New card states (version 0, as `createMany` wrote them); a state already there is kept. */
export async function insertCardStates(
  tx: Prisma.TransactionClient,
  userId: string,
  states: ReadonlyMap<string, CardStateFields>,
  now: Date,
): Promise<number> {
  if (states.size === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                             "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt")
    SELECT ${userId}, u."cardId", u.due, u.stability, u.difficulty, u."elapsedDays", u."scheduledDays",
           u."learningSteps", u.reps, u.lapses, u.state, u."lastReview", 0, ${now.toISOString()}::timestamp
      FROM ${stateColumns(states)}
    ON CONFLICT ("userId", "cardId") DO NOTHING`;
}

/** Newer states from the file, each with the version it gets (the current one + 1). */
export async function updateCardStates(
  tx: Prisma.TransactionClient,
  userId: string,
  states: ReadonlyMap<string, CardStateFields & { version: number }>,
  now: Date,
): Promise<number> {
  if (states.size === 0) return 0;
  return tx.$executeRaw`
    UPDATE "CardState" s
       SET due = u.due, stability = u.stability, difficulty = u.difficulty, "elapsedDays" = u."elapsedDays",
           "scheduledDays" = u."scheduledDays", "learningSteps" = u."learningSteps", reps = u.reps, lapses = u.lapses,
           state = u.state, "lastReview" = u."lastReview", version = v.version, "updatedAt" = ${now.toISOString()}::timestamp
      FROM ${stateColumns(states)},
           unnest(${[...states.keys()]}::text[], ${[...states.values()].map((s) => s.version)}::int[]) AS v("cardId", version)
     WHERE s."userId" = ${userId} AND s."cardId" = u."cardId" AND v."cardId" = u."cardId"`;
}

/** One batch of review logs; a clientId the user already has is skipped. Returns how many were added. */
export async function insertReviewLogs(
  tx: Prisma.TransactionClient,
  userId: string,
  rows: readonly ReviewLogRow[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const pick = <T>(f: (r: ReviewLogRow) => T) => rows.map(f);
  return tx.$executeRaw`
    INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                             "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous,
                             source, "createdAt")
    SELECT u.id, u."clientId", ${userId}, u."cardId", u.rating, u.state, u.due, u.stability, u.difficulty, u."elapsedDays",
           u."lastElapsedDays", u."scheduledDays", u."learningSteps", u."reviewedAt", u."durationMs", u.previous,
           u.source, ${now.toISOString()}::timestamp
      FROM unnest(
             ${pick(() => randomUUID())}::text[], ${pick((r) => r.clientId)}::text[], ${pick((r) => r.cardId)}::text[],
             ${pick((r) => r.rating)}::int[], ${pick((r) => r.state)}::int[], ${pick((r) => r.due.toISOString())}::text[]::timestamp[],
             ${pick((r) => r.stability)}::float8[], ${pick((r) => r.difficulty)}::float8[], ${pick((r) => r.elapsedDays)}::int[],
             ${pick((r) => r.lastElapsedDays)}::int[], ${pick((r) => r.scheduledDays)}::int[], ${pick((r) => r.learningSteps)}::int[],
             ${pick((r) => r.reviewedAt.toISOString())}::text[]::timestamp[], ${pick((r) => r.durationMs)}::int[],
             ${pick((r) => JSON.stringify(r.previous))}::text[]::jsonb[], ${pick((r) => r.source)}::text[])
        AS u(id, "clientId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
             "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous, source)
    ON CONFLICT ("userId", "clientId") DO NOTHING`;
}
