import "#server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import type { UserDataFile } from "@/app/lib/schemas/user-data";
import type { Execute } from "../db";

/**
 * The bulk writes of imports and reschedules (card states, the review log) as set-based SQL:
 * each column is one array parameter of `unnest`, so a batch of 2,000 rows is one statement of
 * ~20 parameters. (Prisma's `createMany` compiles every row in its WebAssembly query compiler:
 * 65,000 logs cost about a minute of event-loop CPU. A JSON array unpacked by
 * `json_to_recordset` cost PostgreSQL ~60 % more than `unnest`.) Each takes the `Execute` of
 * its transaction: Prisma's (`prismaExecute`) or a plain one (`rawTransaction`).
 */

/** Rows per INSERT: round trips do not count at this size, and pg serialises one in a few ms. */
export const LOG_BATCH = 2_000;

type ExportedState = UserDataFile["cardStates"][number];
type ExportedLog = UserDataFile["reviewLogs"][number];
/** A card's memory and schedule; its controls (suspended, buried, flag, leech) travel apart. */
export type CardStateFields = Omit<ExportedState, "note" | "card" | keyof CardControls>;
export type CardControls = Pick<ExportedState, "suspended" | "buriedUntil" | "flag" | "leech">;
export type ReviewLogRow = Omit<ExportedLog, "note" | "card"> & { cardId: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Ids for `count` new rows: one random prefix and a counter. Ids in order land next to each
 * other in the primary key's index, where random ones touched a different page per row (a
 * 60,000-line import spent ~0.5 s more in PostgreSQL).
 */
function rowIds(count: number): string[] {
  const prefix = randomUUID();
  return Array.from({ length: count }, (_, i) => `${prefix}-${i.toString(36).padStart(4, "0")}`);
}

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

/** New card states with `version`; a state already there is kept. Returns how many were added. */
export async function insertCardStates(
  execute: Execute,
  userId: string,
  states: ReadonlyMap<string, CardStateFields>,
  now: Date,
  version = 0,
): Promise<number> {
  if (states.size === 0) return 0;
  return execute(Prisma.sql`
    INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                             "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt")
    SELECT ${userId}, u."cardId", u.due, u.stability, u.difficulty, u."elapsedDays", u."scheduledDays",
           u."learningSteps", u.reps, u.lapses, u.state, u."lastReview", ${version}::int, ${now.toISOString()}::timestamp
      FROM ${stateColumns(states)}
    ON CONFLICT ("userId", "cardId") DO NOTHING`);
}

/**
 * Card states to overwrite, each with a `version`. `"set"`: the row gets that version (an
 * import's newer state, version already bumped). `"if-unchanged"`: the row is written only while
 * its version is still that one, and gets version + 1 (a replay must not overwrite an answer
 * given meanwhile). Returns how many were written.
 */
export async function updateCardStates(
  execute: Execute,
  userId: string,
  states: ReadonlyMap<string, CardStateFields & { version: number }>,
  now: Date,
  mode: "set" | "if-unchanged" = "set",
): Promise<number> {
  if (states.size === 0) return 0;
  const version = mode === "set" ? Prisma.sql`v.version` : Prisma.sql`s.version + 1`;
  const guard = mode === "set" ? Prisma.empty : Prisma.sql`AND s.version = v.version`;
  return execute(Prisma.sql`
    UPDATE "CardState" s
       SET due = u.due, stability = u.stability, difficulty = u.difficulty, "elapsedDays" = u."elapsedDays",
           "scheduledDays" = u."scheduledDays", "learningSteps" = u."learningSteps", reps = u.reps, lapses = u.lapses,
           state = u.state, "lastReview" = u."lastReview", version = ${version}, "updatedAt" = ${now.toISOString()}::timestamp
      FROM ${stateColumns(states)},
           unnest(${[...states.keys()]}::text[], ${[...states.values()].map((s) => s.version)}::int[]) AS v("cardId", version)
     WHERE s."userId" = ${userId} AND s."cardId" = u."cardId" AND v."cardId" = u."cardId" ${guard}`);
}

/**
 * Sets the controls of card states that exist (an import's, after their memory was written).
 * The version is left alone: the import's state write has already moved it where it had to.
 */
export async function setCardControls(execute: Execute, userId: string, controls: ReadonlyMap<string, CardControls>): Promise<number> {
  if (controls.size === 0) return 0;
  const entries = [...controls];
  const pick = <T>(f: (c: CardControls) => T) => entries.map(([, c]) => f(c));
  return execute(Prisma.sql`
    UPDATE "CardState" s
       SET suspended = u.suspended, "buriedUntil" = u."buriedUntil", flag = u.flag, leech = u.leech
      FROM unnest(${entries.map(([id]) => id)}::text[], ${pick((c) => c.suspended)}::bool[],
                  ${pick((c) => iso(c.buriedUntil))}::text[]::timestamp[], ${pick((c) => c.flag)}::int[], ${pick((c) => c.leech)}::bool[])
           AS u("cardId", suspended, "buriedUntil", flag, leech)
     WHERE s."userId" = ${userId} AND s."cardId" = u."cardId"`);
}

/** One batch of review logs; a clientId the user already has is skipped. Returns how many were added. */
export async function insertReviewLogs(execute: Execute, userId: string, rows: readonly ReviewLogRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const pick = <T>(f: (r: ReviewLogRow) => T) => rows.map(f);
  return execute(Prisma.sql`
    INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                             "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous,
                             source, "createdAt")
    SELECT u.id, u."clientId", ${userId}, u."cardId", u.rating, u.state, u.due, u.stability, u.difficulty, u."elapsedDays",
           u."lastElapsedDays", u."scheduledDays", u."learningSteps", u."reviewedAt", u."durationMs", u.previous,
           u.source, ${now.toISOString()}::timestamp
      FROM unnest(
             ${rowIds(rows.length)}::text[], ${pick((r) => r.clientId)}::text[], ${pick((r) => r.cardId)}::text[],
             ${pick((r) => r.rating)}::int[], ${pick((r) => r.state)}::int[], ${pick((r) => r.due.toISOString())}::text[]::timestamp[],
             ${pick((r) => r.stability)}::float8[], ${pick((r) => r.difficulty)}::float8[], ${pick((r) => r.elapsedDays)}::int[],
             ${pick((r) => r.lastElapsedDays)}::int[], ${pick((r) => r.scheduledDays)}::int[], ${pick((r) => r.learningSteps)}::int[],
             ${pick((r) => r.reviewedAt.toISOString())}::text[]::timestamp[], ${pick((r) => r.durationMs)}::int[],
             ${pick((r) => JSON.stringify(r.previous))}::text[]::jsonb[], ${pick((r) => r.source)}::text[])
        AS u(id, "clientId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
             "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous, source)
    ON CONFLICT ("userId", "clientId") DO NOTHING`);
}

/** A line of an optimizer CSV: the answer and its time; the memory fields it lacks are stored as 0. */
export interface ImportedLine {
  cardId: string;
  rating: number;
  state: number;
  reviewedAt: number;
  durationMs: number;
}

/**
 * One batch of CSV lines as logs (source "import", clientId `import-<card>-<time>`, so a line
 * imported twice is skipped). Only the five columns the file has travel; the rest are constants
 * in the statement, which PostgreSQL handles at ~half the cost per row of 16 parameters.
 */
export async function insertImportedLines(execute: Execute, userId: string, lines: readonly ImportedLine[], now: Date): Promise<number> {
  if (lines.length === 0) return 0;
  return execute(Prisma.sql`
    INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                             "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous,
                             source, "createdAt")
    SELECT u.id, 'import-' || u."cardId" || '-' || u.ms, ${userId}, u."cardId", u.rating, u.state, u.at, 0, 0, 0, 0, 0, 0,
           u.at, u.duration, '{}'::jsonb, 'import', ${now.toISOString()}::timestamp
      FROM (SELECT *, timestamp '1970-01-01' + ms * interval '1 millisecond' AS at
              FROM unnest(${rowIds(lines.length)}::text[], ${lines.map((l) => l.cardId)}::text[],
                          ${lines.map((l) => l.rating)}::int[], ${lines.map((l) => l.state)}::int[],
                          ${lines.map((l) => l.reviewedAt)}::int8[], ${lines.map((l) => l.durationMs)}::int[])
                AS v(id, "cardId", rating, state, ms, duration)) u
    ON CONFLICT ("userId", "clientId") DO NOTHING`);
}
