import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import {
  addDays,
  balanceRangeOf,
  balanceSeed,
  pickBalancedDay,
  startOfDay,
  studyDayOf,
  weekdayOf,
  withReviewInDays,
  type DayRange,
  type GradeResult,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { rawRows } from "../db";

/** The user's study days: where one day ends and the next begins. */
export interface StudyDayZone {
  timeZone: string;
  dayStartHour: number;
}

/**
 * Cards (other than `cardId`) the user has due on each study day of `range` after the study
 * day of `now`, `range.minDays` first, and that study day's weekday (Monday 0). One read of the
 * (userId, state, due) index: a range scan per studied state, bucketed by the days' starts in
 * the user's zone (`width_bucket` over the boundaries, so a DST change moves no card).
 */
export async function dueCountsByDay(
  userId: string,
  cardId: string,
  now: Date,
  zone: StudyDayZone,
  range: DayRange,
): Promise<{ counts: number[]; reviewWeekday: number }> {
  const today = studyDayOf(now, zone.timeZone, zone.dayStartHour);
  const bounds = Array.from({ length: range.maxDays - range.minDays + 2 }, (_, i) =>
    startOfDay(addDays(today, range.minDays + i), zone.timeZone, zone.dayStartHour),
  );
  const first = bounds[0] ?? now;
  const last = bounds[bounds.length - 1] ?? now;
  const rows = await rawRows<{ bucket: number; n: number }>(Prisma.sql`
    SELECT width_bucket(s.due, ${bounds.map((b) => b.toISOString())}::timestamp[]) AS bucket, count(*)::int AS n
      FROM "CardState" s
     WHERE s."userId" = ${userId} AND s.state IN (1, 2, 3) AND s.due >= ${first} AND s.due < ${last}
       AND s."cardId" <> ${cardId} AND NOT s.suspended
     GROUP BY 1`);
  const counts = Array.from({ length: range.maxDays - range.minDays + 1 }, () => 0);
  for (const row of rows) {
    if (row.bucket >= 1 && row.bucket <= counts.length) counts[row.bucket - 1] = row.n;
  }
  return { counts, reviewWeekday: weekdayOf(today) };
}

export interface BalanceAnswerInput {
  userId: string;
  cardId: string;
  /** The card's state before the answer, the answer and what `applyGrade` made of it. */
  before: StoredCardState;
  rating: ReviewRating;
  result: GradeResult;
  /** The user's settings (`schedulerSettingsOf`): `loadBalance` and `easyDays` decide. */
  settings: SchedulerSettings;
  zone: StudyDayZone;
  now: Date;
}

/**
 * The answer's result with its next review moved by the load balancer and easy days, when the
 * user's settings ask for them (else `result` itself, without a query): the call the answer
 * path makes between `applyGrade` and its write. The day is drawn within the interval's fuzz
 * range, weighted by the cards already due (`pickBalancedDay`), seeded by (card, answer time):
 * a resent answer draws the same day. The memory state is ts-fsrs's, so a replay of the log
 * gives the same state but for the last answer's day, which is within that range.
 */
export async function balanceAnswer(input: BalanceAnswerInput): Promise<GradeResult> {
  const { userId, cardId, before, rating, result, settings, zone, now } = input;
  const range = balanceRangeOf(before, rating, result, settings, now);
  if (!range) return result;
  const { counts, reviewWeekday } = await dueCountsByDay(userId, cardId, now, zone, range);
  const days = pickBalancedDay({
    range,
    dueCounts: counts,
    reviewWeekday,
    seed: balanceSeed(cardId, now),
    loadBalance: settings.loadBalance ?? false,
    easyDays: settings.easyDays,
  });
  return days === null ? result : withReviewInDays(result, days, now);
}
