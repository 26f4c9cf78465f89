import "#server-only";
import { randomUUID } from "node:crypto";
import {
  applyGrade,
  balancePlanOf,
  DEFAULT_LEECH_THRESHOLD,
  isLeechLapse,
  pickWithPlan,
  newCardState,
  shownDayIn,
  stateToCode,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import type { AnswerInput } from "@/app/lib/schemas/review";
import { Prisma } from "@/app/generated/prisma/client";
import type { SessionClaims } from "../auth/session-token";
import { db } from "../db";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { answerContextQuery, answerSettingsOf, answerWriteQuery, appliedAnswerQuery, undoLockQuery } from "../sql/answer";
import { cardStateRowSchema, storedStateOf } from "../sql/card-state";
import { lowerNewCardsBound } from "../sql/new-cards-bound";
import { firstRowOf, rowsIn, rowsOf } from "../sql/typed-query";
import { answerTime, previousJsonOf, stateFromPreviousJson } from "./review-rows";
import { cachedDueCounts, noteDueMove, warmDueCounts } from "./due-count-cache";
import { answerStudyDayOf, balancedDaySql, loadDueCounts } from "./load-balance";

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

/** The answer's context read (sql/answer.ts): the first row, or undefined for an unknown user. */
async function answerContext(userId: string, cardId: string, clientId: string, sessionId: string) {
  return firstRowOf(answerContextQuery(userId, cardId, clientId, sessionId));
}

/** PostgreSQL's unique_violation (the answer's statements run on pg directly, see `rawRows`). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

async function acknowledgeDuplicate(userId: string, cardId: string, clientId: string): Promise<AnswerResult> {
  const rows = await rowsOf(appliedAnswerQuery(userId, clientId));
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
    ? // One row of ten columns: parsed, so a state row with a null column is an error, not a cast.
      storedStateOf(cardStateRowSchema.parse(row))
    : newCardState(answerTime(input.answeredAt, now, null));
  const at = answerTime(input.answeredAt, now, before.lastReview);
  const settings = answerSettingsOf(row);
  const result = applyGrade(before, input.rating, settings, at);
  const { next } = result;
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
    written = await rowsOf(
      answerWriteQuery({
        userId,
        cardId: input.cardId,
        clientId: input.clientId,
        logId: randomUUID(),
        currentVersion,
        result,
        due,
        days,
        balanced,
        leech,
        suspend,
        durationMs: input.durationMs,
        previous,
        now,
      }),
    );
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
  return { duplicate: false, cardId: input.cardId, version: currentVersion + 1, due: writtenDue, leech };
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
    const states = await rowsIn(tx, undoLockQuery(userId, log.cardId));
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
      await lowerNewCardsBound(tx, userId, { cardIds: [log.cardId] });
    }
    return { cardId: log.cardId, version, state: previous };
  });
}
