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
  type BalancePlan,
  type DayRange,
  type GradeResult,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
  type StudyDay,
} from "@/app/lib/domain/scheduling";
import { dueCountsQuery } from "../sql/load-balance";
import { rowsOf } from "../sql/typed-query";

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
): Promise<{ counts: number[]; reviewWeekday: number; studyDay: StudyDay }> {
  const { today, bounds } = dayBounds(now, zone, range);
  const rows = await rowsOf(dueCountsQuery(userId, cardId, bounds));
  const counts = Array.from({ length: range.maxDays - range.minDays + 1 }, () => 0);
  for (const row of rows) {
    if (row.bucket >= 1 && row.bucket <= counts.length) counts[row.bucket - 1] = row.n;
  }
  return { counts, reviewWeekday: weekdayOf(today), studyDay: today };
}

/** The starts of the study days `range.minDays` … `range.maxDays + 1` after `now`'s, in the user's zone. */
function dayBounds(now: Date, zone: StudyDayZone, range: DayRange) {
  const today = studyDayOf(now, zone.timeZone, zone.dayStartHour);
  const bounds = Array.from({ length: range.maxDays - range.minDays + 2 }, (_, i) =>
    startOfDay(addDays(today, range.minDays + i), zone.timeZone, zone.dayStartHour),
  );
  return { today, bounds };
}

/** The weekday (Monday 0) of `now`'s study day. */
export function reviewWeekdayOf(now: Date, zone: StudyDayZone): number {
  return weekdayOf(studyDayOf(now, zone.timeZone, zone.dayStartHour));
}

/** `now`'s study day in the user's zone: what `balancePlanOf` takes (it seeds the draw). */
export function answerStudyDayOf(now: Date, zone: StudyDayZone): StudyDay {
  return studyDayOf(now, zone.timeZone, zone.dayStartHour);
}

/** Every card of the user due in each of the days between `bounds` (the in-process cache's refresh). */
export function loadDueCounts(userId: string, bounds: Date[]): Promise<{ bucket: number; n: number }[]> {
  return rowsOf(dueCountsQuery(userId, null, bounds));
}

/**
 * A query of one row, `days`: the day `plan` picks from the cards due now, computed by
 * PostgreSQL inside the answer's write statement (a CTE), so balancing an answer adds no round
 * trip: the counts of `dueCountsQuery`, each day's weight as `pickWithPlan` computes it (Anki's
 * 1/(count²·days) load weight times the easy-day factor; a reduced day counts as minimum once
 * it holds more than its share), and the first day whose running weight exceeds draw × total.
 * Sums run in day order, as in `pickWithPlan`; an integration test holds the two equal.
 */
export function balancedDaySql(userId: string, cardId: string, plan: BalancePlan, now: Date, zone: StudyDayZone): Prisma.Sql {
  const { range, levels, loadBalance, draw } = plan;
  const { bounds } = dayBounds(now, zone, range);
  const days = levels.map((_, i) => range.minDays + i);
  return Prisma.sql`
    WITH counts AS (${dueCountsQuery(userId, cardId, bounds).sql}),
    d AS (
      SELECT x.i, x.day, x.lv, COALESCE(c.n, 0)::float8 AS c
        FROM unnest(${days}::int[], ${levels}::float8[]) WITH ORDINALITY AS x(day, lv, i)
        LEFT JOIN counts c ON c.bucket = x.i
    ),
    t AS (
      SELECT d.*, sum(c) OVER w AS total, sum(lv) OVER w AS shares FROM d
      WINDOW w AS (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ),
    wt AS (
      SELECT i, day,
             (CASE WHEN NOT ${loadBalance}::boolean OR c = 0 THEN 1::float8 ELSE 1::float8 / (c * c * day::float8) END)
             * (CASE WHEN lv = 0.5::float8
                     THEN CASE WHEN c / 0.5::float8 > (total - c) / (shares - 0.5::float8) THEN 0.0001::float8 ELSE 1::float8 END
                     ELSE lv END) AS w
        FROM t
    ),
    run AS (
      SELECT i, day, sum(w) OVER (ORDER BY i ROWS UNBOUNDED PRECEDING) AS running,
             sum(w) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total
        FROM wt
    )
    SELECT COALESCE((SELECT day FROM run WHERE running > ${draw}::float8 * total ORDER BY i LIMIT 1), ${range.maxDays}::int) AS days`;
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
 * range, weighted by the cards already due (`pickBalancedDay`), seeded by (card, reps, study
 * day): a resent answer draws the same day. The memory state is ts-fsrs's, so a replay of the log
 * gives the same state but for the last answer's day, which is within that range.
 */
export async function balanceAnswer(input: BalanceAnswerInput): Promise<GradeResult> {
  const { userId, cardId, before, rating, result, settings, zone, now } = input;
  const range = balanceRangeOf(before, rating, result, settings, now);
  if (!range) return result;
  const { counts, reviewWeekday, studyDay } = await dueCountsByDay(userId, cardId, now, zone, range);
  const days = pickBalancedDay({
    range,
    dueCounts: counts,
    reviewWeekday,
    seed: balanceSeed(cardId, before.reps, studyDay),
    loadBalance: settings.loadBalance ?? false,
    easyDays: settings.easyDays,
  });
  return days === null ? result : withReviewInDays(result, days, now);
}
