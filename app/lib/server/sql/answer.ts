import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  stateToCode,
  type GradeResult,
  type SchedulerSettings,
} from "@/app/lib/domain/scheduling";
import { schedulerSettingsOf } from "../data/settings";
import { visiblePaperSql } from "../data/visibility";
import { cardStateColumns, cardStateRowSchema } from "./card-state";
import { nullableColumns, typedQuery } from "./typed-query";

/**
 * The answer's SQL: one read of its context and one write of the state with its log. Run on
 * the pg pool ("pg"): the answer is the one request hot enough for Prisma's per-query cost to
 * count. The benchmark's minimal server (scripts/bench/review.ts) runs these same statements.
 */

/** With the card's state columns, null when the user has no state for the card (a LEFT JOIN). */
export const answerContextRowSchema = nullableColumns(cardStateRowSchema).extend({
  sessionVersion: z.number().int(),
  revoked: z.boolean(),
  cardFound: z.boolean(),
  /** Null when the card does not exist (its note's join gave nulls). */
  live: z.boolean().nullable(),
  hasState: z.boolean(),
  version: z.number().int().nullable(),
  desiredRetention: z.number().nullable(),
  maximumInterval: z.number().int().nullable(),
  enableFuzz: z.boolean().nullable(),
  enableShortTerm: z.boolean().nullable(),
  /** UserSettings.learningSteps (the state's own learningSteps is an index). */
  learningSteps_: z.array(z.string()).nullable(),
  relearningSteps: z.array(z.string()).nullable(),
  parameters: z.array(z.number()).nullable(),
  leechThreshold: z.number().int().nullable(),
  leechSuspend: z.boolean().nullable(),
  leech: z.boolean().nullable(),
  suspended: z.boolean().nullable(),
  loadBalance: z.boolean().nullable(),
  easyDays: z.array(z.number()).nullable(),
  timeZone: z.string().nullable(),
  dayStartHour: z.number().int().nullable(),
  loggedCardId: z.string().nullable(),
});
export type AnswerContextRow = z.infer<typeof answerContextRowSchema>;

/**
 * Everything an answer needs in one read: the user's session version, the card (live? of a
 * note the user can see?), the user's settings, the card's state and whether this clientId was
 * already applied.
 */
export function answerContextQuery(userId: string, cardId: string, clientId: string, sessionId: string) {
  return typedQuery(
    answerContextRowSchema,
    Prisma.sql`
    SELECT u."sessionVersion", (c.id IS NOT NULL AND ${visiblePaperSql(userId)}) AS "cardFound",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sessionId" = ${sessionId}) AS revoked,
           (c."retiredAt" IS NULL AND p."retiredAt" IS NULL) AS live,
           st."desiredRetention", st."maximumInterval", st."enableFuzz", st."learningSteps" AS "learningSteps_",
           st."relearningSteps", st.parameters, st."enableShortTerm", st."leechThreshold", st."leechSuspend",
           st."loadBalance", st."easyDays", st."timeZone", st."dayStartHour",
           (s."cardId" IS NOT NULL) AS "hasState", s.version, ${cardStateColumns("s")},
           s.leech, s.suspended, l."cardId" AS "loggedCardId"
      FROM "User" u
      LEFT JOIN "Card" c ON c.id = ${cardId}
      LEFT JOIN "Paper" p ON p.id = c."paperId"
      LEFT JOIN "UserSettings" st ON st."userId" = u.id
      LEFT JOIN "CardState" s ON s."userId" = u.id AND s."cardId" = c.id
      LEFT JOIN "ReviewLog" l ON l."userId" = u.id AND l."clientId" = ${clientId}
     WHERE u.id = ${userId}`,
    "pg",
  );
}

/** The scheduler's settings of an answer's context (no settings row yet: the defaults, also the row's defaults). */
export function answerSettingsOf(row: AnswerContextRow): SchedulerSettings {
  if (row.desiredRetention === null) return DEFAULT_SCHEDULER_SETTINGS;
  const d = DEFAULT_SCHEDULER_SETTINGS;
  return schedulerSettingsOf({
    desiredRetention: row.desiredRetention,
    maximumInterval: row.maximumInterval ?? d.maximumInterval,
    enableFuzz: row.enableFuzz ?? d.enableFuzz,
    learningSteps: row.learningSteps_ ?? [...d.learningSteps],
    relearningSteps: row.relearningSteps ?? [...d.relearningSteps],
    parameters: row.parameters ?? [],
    enableShortTerm: row.enableShortTerm ?? true,
    loadBalance: row.loadBalance ?? false,
    easyDays: row.easyDays ?? [],
  });
}

/** What a resent answer is acknowledged with: the card its clientId was used for and its state now. */
export function appliedAnswerQuery(userId: string, clientId: string) {
  return typedQuery(
    z.object({ cardId: z.string(), version: z.number().int().nullable(), due: z.date().nullable() }),
    Prisma.sql`
    SELECT l."cardId", s.version, s.due
      FROM "ReviewLog" l
      LEFT JOIN "CardState" s ON s."userId" = l."userId" AND s."cardId" = l."cardId"
     WHERE l."userId" = ${userId} AND l."clientId" = ${clientId}`,
    "pg",
  );
}

export interface AnswerWrite {
  userId: string;
  cardId: string;
  clientId: string;
  /** The new log's id (a fresh UUID). */
  logId: string;
  /** The version the answer was given to; the write happens only if the state still has it. */
  currentVersion: number;
  result: GradeResult;
  /** The due date and interval written: ts-fsrs's, a balanced day, or SQL picking one (`balanced`). */
  due: Prisma.Sql;
  days: Prisma.Sql;
  /** `bal AS (…),` when the day is picked in SQL (load-balance.ts), else empty. */
  balanced: Prisma.Sql;
  leech: boolean;
  suspend: boolean;
  durationMs: number;
  /** The state before the answer as the log keeps it for undo (review-rows.ts previousJsonOf). */
  previous: unknown;
  now: Date;
}

/**
 * The state and its log in one statement (both or neither). ON CONFLICT … WHERE version =
 * expected: a concurrent answer makes this insert nothing, and then the log insert inserts
 * nothing either. A clientId already used fails the whole statement on the log's unique key,
 * so the state is not changed without its log. No row back: lost the race.
 */
export function answerWriteQuery(w: AnswerWrite) {
  const { next, log } = w.result;
  return typedQuery(
    z.object({ version: z.number().int(), due: z.date() }),
    Prisma.sql`
      WITH ${w.balanced} up AS (
        INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                                 "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt", leech, suspended)
        VALUES (${w.userId}, ${w.cardId}, ${w.due}, ${next.stability}, ${next.difficulty}, ${next.elapsedDays},
                ${w.days}, ${next.learningSteps}, ${next.reps}, ${next.lapses}, ${stateToCode(next.state)},
                ${next.lastReview}, ${w.currentVersion + 1}, ${w.now}, ${w.leech}, ${w.suspend})
        ON CONFLICT ("userId", "cardId") DO UPDATE SET
          due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
          "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
          "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
          state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview", version = EXCLUDED.version,
          "updatedAt" = EXCLUDED."updatedAt", leech = "CardState".leech OR EXCLUDED.leech,
          suspended = "CardState".suspended OR EXCLUDED.suspended, "buriedUntil" = NULL
        WHERE "CardState".version = ${w.currentVersion}
        RETURNING version, due
      ), ins AS (
        INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty,
                                 "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt",
                                 "durationMs", previous, source, "createdAt")
        SELECT ${w.logId}, ${w.clientId}, ${w.userId}, ${w.cardId}, ${log.rating}, ${stateToCode(log.state)},
               ${log.due}, ${log.stability}, ${log.difficulty}, ${log.elapsedDays}, ${log.lastElapsedDays},
               ${log.scheduledDays}, ${log.learningSteps}, ${log.reviewedAt}, ${w.durationMs},
               ${JSON.stringify(w.previous)}::jsonb, 'review', ${w.now}
          FROM up
        RETURNING 1
      )
      SELECT up.version, up.due FROM up, ins`,
    "pg",
  );
}

/** An answer's undo: the card state's version and last review, locked (run in the undo's transaction). */
export function undoLockQuery(userId: string, cardId: string) {
  return typedQuery(
    z.object({ version: z.number().int(), lastReview: z.date().nullable() }),
    Prisma.sql`
      SELECT version, "lastReview" FROM "CardState"
       WHERE "userId" = ${userId} AND "cardId" = ${cardId} FOR UPDATE`,
  );
}
