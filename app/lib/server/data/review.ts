import "#server-only";
import { randomUUID } from "node:crypto";
import {
  applyGrade,
  balancePlanOf,
  DEFAULT_LEECH_THRESHOLD,
  DEFAULT_SCHEDULER_SETTINGS,
  isLeechLapse,
  pickWithPlan,
  newCardState,
  shownDayIn,
  stateToCode,
  type StoredCardState,
  type SchedulerSettings,
} from "@/app/lib/domain/scheduling";
import type { AnswerInput } from "@/app/lib/schemas/review";
import { Prisma } from "@/app/generated/prisma/client";
import type { SessionClaims } from "../auth/session-token";
import { db, rawRows } from "../db";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import {
  answerTime,
  previousJsonOf,
  stateFromPreviousJson,
  storedStateOf,
  type CardStateRow,
} from "./review-rows";
import { cachedDueCounts, noteDueMove, warmDueCounts } from "./due-count-cache";
import { answerStudyDayOf, balancedDaySql, loadDueCounts } from "./load-balance";
import { schedulerSettingsOf } from "./settings";
import { visiblePaperSql } from "./visibility";

export interface AnswerResult {
  /** True when this clientId had already been applied: nothing was written this time. */
  duplicate: boolean;
  cardId: string;
  /** The card state's version after the answer (send it with an undo or the next answer). */
  version: number;
  due: Date;
  /** This answer's lapse made the card a leech (tagged; suspended too by the user's setting). */
  leech: boolean;
}

interface AnswerContextRow extends Partial<CardStateRow> {
  sessionVersion: number;
  revoked: boolean;
  cardFound: boolean;
  live: boolean;
  hasState: boolean;
  version: number | null;
  desiredRetention: number | null;
  maximumInterval: number | null;
  enableFuzz: boolean | null;
  enableShortTerm: boolean | null;
  learningSteps_: string[] | null;
  relearningSteps: string[] | null;
  parameters: number[] | null;
  leechThreshold: number | null;
  leechSuspend: boolean | null;
  leech: boolean | null;
  suspended: boolean | null;
  loadBalance: boolean | null;
  easyDays: number[] | null;
  timeZone: string | null;
  dayStartHour: number | null;
  loggedCardId: string | null;
}

/**
 * One read for everything an answer needs: the user's session version, the card (live? of a
 * note the user can see?), the user's settings, the card's state and whether this clientId was
 * already applied.
 */
async function answerContext(userId: string, cardId: string, clientId: string, sessionId: string) {
  const rows = await rawRows<AnswerContextRow>(Prisma.sql`
    SELECT u."sessionVersion", (c.id IS NOT NULL AND ${visiblePaperSql(userId)}) AS "cardFound",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sessionId" = ${sessionId}) AS revoked,
           (c."retiredAt" IS NULL AND p."retiredAt" IS NULL) AS live,
           st."desiredRetention", st."maximumInterval", st."enableFuzz", st."learningSteps" AS "learningSteps_",
           st."relearningSteps", st.parameters, st."enableShortTerm", st."leechThreshold", st."leechSuspend",
           st."loadBalance", st."easyDays", st."timeZone", st."dayStartHour",
           (s."cardId" IS NOT NULL) AS "hasState", s.version, s.due, s.stability, s.difficulty,
           s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps, s.lapses, s.state, s."lastReview",
           s.leech, s.suspended, l."cardId" AS "loggedCardId"
      FROM "User" u
      LEFT JOIN "Card" c ON c.id = ${cardId}
      LEFT JOIN "Paper" p ON p.id = c."paperId"
      LEFT JOIN "UserSettings" st ON st."userId" = u.id
      LEFT JOIN "CardState" s ON s."userId" = u.id AND s."cardId" = c.id
      LEFT JOIN "ReviewLog" l ON l."userId" = u.id AND l."clientId" = ${clientId}
     WHERE u.id = ${userId}`);
  return rows[0];
}

function settingsFrom(row: AnswerContextRow): SchedulerSettings {
  // No settings row yet (the join gave nulls): the defaults, which are also the row's defaults.
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

/** PostgreSQL's unique_violation (the answer's statements run on pg directly, see `rawRows`). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

async function acknowledgeDuplicate(userId: string, cardId: string, clientId: string): Promise<AnswerResult> {
  const rows = await rawRows<{ cardId: string; version: number | null; due: Date | null }>(Prisma.sql`
    SELECT l."cardId", s.version, s.due
      FROM "ReviewLog" l
      LEFT JOIN "CardState" s ON s."userId" = l."userId" AND s."cardId" = l."cardId"
     WHERE l."userId" = ${userId} AND l."clientId" = ${clientId}`);
  const row = rows[0];
  if (!row) throw new ConflictError("This card was answered elsewhere in the meantime.");
  if (row.cardId !== cardId) throw new ConflictError("This answer id was already used for another card.");
  return { duplicate: true, cardId, version: row.version ?? 0, due: row.due ?? new Date(0), leech: false };
}

/**
 * Applies one answer for the user of `session`. Idempotent by `clientId`: a resent answer is
 * acknowledged and applied once. The card state and its log are written by one SQL statement (so both or neither), and
 * only if the state still has the version the answer was given to; otherwise 409.
 * 404 when the card does not exist (or is of a note the user cannot see) or is retired.
 */
export async function answerCard(session: SessionClaims, input: AnswerInput, now: Date): Promise<AnswerResult> {
  const { userId } = session;
  const row = await answerContext(userId, input.cardId, input.clientId, session.sessionId);
  // The session is checked here, in the same read (which is why this takes the JWT's claims and
  // not a user): its session version must still be the user's (sign out everywhere and a
  // password change end older sessions) and its sign-in must not have been signed out.
  if (!row || row.revoked || row.sessionVersion !== session.sessionVersion) throw new UnauthorizedError();
  if (!row.cardFound) throw new NotFoundError("This card does not exist.");
  if (row.loggedCardId !== null) return acknowledgeDuplicate(userId, input.cardId, input.clientId);
  // Any live card of a note the user can see may be answered: the study set decides what the
  // queue offers, not what may be answered (a note's own session studies it outside the set).
  if (!row.live) throw new NotFoundError("This card is no longer studied.");

  const currentVersion = row.hasState ? (row.version ?? 0) : 0;
  if (input.version !== currentVersion) {
    throw new ConflictError("This card was answered elsewhere in the meantime.");
  }
  const before: StoredCardState = row.hasState
    ? storedStateOf(row as CardStateRow)
    : newCardState(answerTime(input.answeredAt, now, null));
  const at = answerTime(input.answeredAt, now, before.lastReview);
  const settings = settingsFrom(row);
  const result = applyGrade(before, input.rating, settings, at);
  const { next, log } = result;
  const nextVersion = currentVersion + 1;
  // Anki's leech: the lapse that reaches the threshold (and each half threshold after) tags the
  // card and, by the user's setting, suspends it. What it was is kept with the log for undo.
  const leech = isLeechLapse(before.lapses, next.lapses, row.leechThreshold ?? DEFAULT_LEECH_THRESHOLD);
  const suspend = leech && (row.leechSuspend ?? true);
  const previous = leech
    ? { ...previousJsonOf(before), controls: { leech: row.leech ?? false, suspended: row.suspended ?? false } }
    : previousJsonOf(before);
  // The load balancer and easy days (when the user has them on) move the day within the
  // interval's fuzz range; the memory state stays ts-fsrs's. The cards due on each day come from
  // this process's cache (`due-count-cache.ts`), or, until it has the user, the write statement
  // counts them and picks the day itself: either way no extra round trip. The day the answer's
  // button showed (picked the same way when the queue was read) wins while it is inside the
  // range, so the stored due date is the label's even though the counts moved since.
  const zone = { timeZone: row.timeZone ?? "UTC", dayStartHour: row.dayStartHour ?? 4 };
  const plan = balancePlanOf({
    cardId: input.cardId,
    before,
    rating: input.rating,
    result,
    settings,
    now: at,
    studyDay: answerStudyDayOf(at, zone),
  });
  const shown = shownDayIn(plan, input.days);
  // No load started here: a cold cache's load would compete with this answer's own write.
  const cached = plan && shown === null && cachedDueCounts(userId, zone, at, plan.range, row.hasState ? before : null, null);
  const picked = shown ?? (plan && cached ? pickWithPlan(plan, cached) : null);
  const inSql = plan !== null && picked === null;
  const balanced = inSql ? Prisma.sql`bal AS (${balancedDaySql(userId, input.cardId, plan, at, zone)}),` : Prisma.empty;
  const days = inSql ? Prisma.sql`(SELECT days FROM bal)` : Prisma.sql`${picked ?? next.scheduledDays}`;
  const due = inSql
    ? Prisma.sql`${at}::timestamp + make_interval(days => ${days})`
    : Prisma.sql`${picked === null ? next.due : new Date(at.getTime() + picked * 86_400_000)}`;

  let written: { version: number; due: Date }[];
  try {
    // ON CONFLICT … WHERE version = expected: a concurrent answer makes this insert nothing,
    // and then the log insert inserts nothing either. A clientId already used fails the whole
    // statement on the log's unique key, so the state is not changed without its log.
    written = await rawRows<{ version: number; due: Date }>(Prisma.sql`
      WITH ${balanced} up AS (
        INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                                 "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt", leech, suspended)
        VALUES (${userId}, ${input.cardId}, ${due}, ${next.stability}, ${next.difficulty}, ${next.elapsedDays},
                ${days}, ${next.learningSteps}, ${next.reps}, ${next.lapses}, ${stateToCode(next.state)},
                ${next.lastReview}, ${nextVersion}, ${now}, ${leech}, ${suspend})
        ON CONFLICT ("userId", "cardId") DO UPDATE SET
          due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
          "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
          "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
          state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview", version = EXCLUDED.version,
          "updatedAt" = EXCLUDED."updatedAt", leech = "CardState".leech OR EXCLUDED.leech,
          suspended = "CardState".suspended OR EXCLUDED.suspended, "buriedUntil" = NULL
        WHERE "CardState".version = ${currentVersion}
        RETURNING version, due
      ), ins AS (
        INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty,
                                 "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt",
                                 "durationMs", previous, source, "createdAt")
        SELECT ${randomUUID()}, ${input.clientId}, ${userId}, ${input.cardId}, ${log.rating}, ${stateToCode(log.state)},
               ${log.due}, ${log.stability}, ${log.difficulty}, ${log.elapsedDays}, ${log.lastElapsedDays},
               ${log.scheduledDays}, ${log.learningSteps}, ${log.reviewedAt}, ${input.durationMs},
               ${JSON.stringify(previous)}::jsonb, 'review', ${now}
          FROM up
        RETURNING 1
      )
      SELECT up.version, up.due FROM up, ins`);
  } catch (error) {
    if (isUniqueViolation(error)) return acknowledgeDuplicate(userId, input.cardId, input.clientId);
    throw error;
  }
  if (written.length === 0) {
    // Lost the race: either this very answer was applied by a resend, or another answer was.
    return acknowledgeDuplicate(userId, input.cardId, input.clientId);
  }
  const writtenDue = written[0]?.due ?? next.due;
  noteDueMove(userId, row.hasState ? before : null, writtenDue);
  if (plan) warmDueCounts(userId, zone, at, loadDueCounts);
  return { duplicate: false, cardId: input.cardId, version: nextVersion, due: writtenDue, leech };
}

/** The leech and suspended flags an answer that made a leech kept with its log (else nothing). */
function leechControlsOf(previous: Prisma.JsonValue): { leech?: boolean; suspended?: boolean } {
  if (typeof previous !== "object" || previous === null || Array.isArray(previous)) return {};
  const controls = previous.controls;
  if (typeof controls !== "object" || controls === null || Array.isArray(controls)) return {};
  return {
    ...(typeof controls.leech === "boolean" ? { leech: controls.leech } : {}),
    ...(typeof controls.suspended === "boolean" ? { suspended: controls.suspended } : {}),
  };
}

export interface UndoResult {
  cardId: string;
  /** The version of the restored state (versions only grow, so a stale tab still gets 409). */
  version: number;
  state: StoredCardState;
}

/**
 * Undoes the answer `clientId`: restores the card state saved with its log, exactly, and
 * deletes the log, in one transaction. Only the card's last answer can be undone (409
 * otherwise); an unknown or already undone answer is 404.
 */
export async function undoAnswer(userId: string, clientId: string): Promise<UndoResult> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({
      where: { userId_clientId: { userId, clientId } },
      select: { id: true, cardId: true, reviewedAt: true, previous: true, source: true },
    });
    if (!log) throw new NotFoundError("There is no such answer to undo.");
    if (log.source !== "review") throw new ConflictError("Imported reviews cannot be undone.");
    const states = await tx.$queryRaw<{ version: number; lastReview: Date | null }[]>`
      SELECT version, "lastReview" FROM "CardState"
       WHERE "userId" = ${userId} AND "cardId" = ${log.cardId} FOR UPDATE`;
    const current = states[0];
    const later = await tx.reviewLog.findFirst({
      where: { userId, cardId: log.cardId, reviewedAt: { gt: log.reviewedAt } },
      select: { id: true },
    });
    if (!current || later || current.lastReview?.getTime() !== log.reviewedAt.getTime()) {
      throw new ConflictError("This card was answered again since; only its last answer can be undone.");
    }
    // Moved by "I was away" / "I have time" since: undoing would silently drop that move.
    const rescheduled = await tx.rescheduleLog.findFirst({
      where: { userId, cardId: log.cardId, at: { gt: log.reviewedAt } },
      select: { id: true },
    });
    if (rescheduled) throw new ConflictError("This card was rescheduled since; its answer can no longer be undone.");
    const previous = stateFromPreviousJson(log.previous);
    const version = current.version + 1;
    await tx.reviewLog.delete({ where: { id: log.id } });
    await tx.cardState.update({
      where: { userId_cardId: { userId, cardId: log.cardId } },
      data: { ...previous, ...leechControlsOf(log.previous), state: stateToCode(previous.state), version },
    });
    if (previous.state === "new") {
      // The card is new again: the queue must look for new cards from its note on.
      await tx.$executeRaw`
        UPDATE "UserSettings" SET "newCardsFrom" = LEAST("newCardsFrom", (
          SELECT p."sortKey" FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE c.id = ${log.cardId}))
         WHERE "userId" = ${userId}`;
    }
    return { cardId: log.cardId, version, state: previous };
  });
}
