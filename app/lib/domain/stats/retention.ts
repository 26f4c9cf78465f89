import {
  addDays,
  studyDayOf,
  type StoredReviewLog,
  type StudyDay,
} from "@/app/lib/domain/scheduling";

/** The fields of a review log that true retention reads; `cardId` enables Anki's per-day dedupe. */
export type RetentionLog = Pick<
  StoredReviewLog,
  "reviewedAt" | "rating" | "state" | "scheduledDays"
> & {
  cardId?: string;
};

export interface RetentionCounts {
  passed: number;
  failed: number;
  /** passed / (passed + failed), or null when there were no such reviews. */
  retention: number | null;
}

export interface RetentionRow {
  /** Reviews of cards whose interval was under 21 days. */
  young: RetentionCounts;
  /** Reviews of cards whose interval was 21 days or more. */
  mature: RetentionCounts;
  total: RetentionCounts;
}

export interface TrueRetentionTable {
  today: RetentionRow;
  yesterday: RetentionRow;
  /** The last 7 study days, today included. */
  week: RetentionRow;
  /** The last 30 study days. */
  month: RetentionRow;
  /** The last 365 study days. */
  year: RetentionRow;
  allTime: RetentionRow;
}

type PeriodName = keyof TrueRetentionTable;
const PERIOD_NAMES: readonly PeriodName[] = ["today", "yesterday", "week", "month", "year", "allTime"];

/** The table with each period's row made by `row`. */
export function retentionTable(row: (period: PeriodName) => RetentionRow): TrueRetentionTable {
  return Object.fromEntries(PERIOD_NAMES.map((period) => [period, row(period)])) as unknown as TrueRetentionTable;
}

/** Anki's threshold: a card is mature once its interval reaches 21 days. */
export const MATURE_INTERVAL_DAYS = 21;

/**
 * True retention as Anki's statistics report it: among reviews of cards in the review state
 * (not learning or relearning steps), the share passed, i.e. answered hard, good or easy
 * (rating > 1):
 * $$\text{retention} = \frac{\text{passed}}{\text{passed} + \text{failed}}$$
 * split into young (interval before the review < 21 days) and mature (≥ 21 days), for the
 * current study day, the day before, the last 7, 30 and 365 study days, and all time. When the
 * logs carry a `cardId`, only the first review of a card in a study day counts, as in Anki
 * (a second look the same day says little about memory). Periods are whole study days in the
 * user's time zone, so they stay right across DST changes; reviews after `now` are ignored.
 */
export function trueRetention(
  logs: readonly RetentionLog[],
  now: Date,
  timeZone: string,
  dayStartHour: number,
): TrueRetentionTable {
  const today = studyDayOf(now, timeZone, dayStartHour);
  const periods: Record<PeriodName, { from: StudyDay | null; to: StudyDay }> = {
    today: { from: today, to: today },
    yesterday: { from: addDays(today, -1), to: addDays(today, -1) },
    week: { from: addDays(today, -6), to: today },
    month: { from: addDays(today, -29), to: today },
    year: { from: addDays(today, -364), to: today },
    allTime: { from: null, to: today },
  };

  const firstOfDay = new Map<string, { log: RetentionLog; day: StudyDay }>();
  const counted: { log: RetentionLog; day: StudyDay }[] = [];
  for (const log of logs) {
    if (log.state !== "review" || log.reviewedAt.getTime() > now.getTime()) continue;
    const day = studyDayOf(log.reviewedAt, timeZone, dayStartHour);
    if (log.cardId === undefined) {
      counted.push({ log, day });
      continue;
    }
    const key = `${log.cardId}\u0000${day}`;
    const first = firstOfDay.get(key);
    if (!first || log.reviewedAt.getTime() < first.log.reviewedAt.getTime())
      firstOfDay.set(key, { log, day });
  }
  counted.push(...firstOfDay.values());

  const row = (name: PeriodName): RetentionRow => {
    const { from, to } = periods[name];
    const tally = { young: { passed: 0, failed: 0 }, mature: { passed: 0, failed: 0 } };
    for (const { log, day } of counted) {
      if (day > to || (from !== null && day < from)) continue;
      const group = log.scheduledDays < MATURE_INTERVAL_DAYS ? tally.young : tally.mature;
      if (log.rating > 1) group.passed += 1;
      else group.failed += 1;
    }
    return {
      young: retentionCounts(tally.young.passed, tally.young.failed),
      mature: retentionCounts(tally.mature.passed, tally.mature.failed),
      total: retentionCounts(
        tally.young.passed + tally.mature.passed,
        tally.young.failed + tally.mature.failed,
      ),
    };
  };
  return retentionTable(row);
}

/** Passed and failed reviews with their share passed (null when there were none). */
export function retentionCounts(passed: number, failed: number): RetentionCounts {
  return { passed, failed, retention: passed + failed === 0 ? null : passed / (passed + failed) };
}
