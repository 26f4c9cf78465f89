/**
 * Statistics from pre-aggregated rows. With a million review logs the database groups them
 * (per study day, per elapsed-day and stability bucket) and these functions finish the maths,
 * with the same definitions as `trueRetention`, `streak` and `forgettingCurve`.
 */
import { addDays, daysBetween, predictedRetention, startOfDay, type StudyDay } from "@/app/lib/domain/scheduling";

import type { DayCount } from "./activity";
import { StatsInputError } from "./errors";
import { retentionCounts as counts, retentionTable, type RetentionRow, type TrueRetentionTable } from "./retention";

/**
 * One study day's first reviews of review-state cards (one per card and day, as in Anki),
 * split by the interval before the review: young (< 21 days) or mature (≥ 21 days).
 */
export interface DailyRetentionTally {
  day: StudyDay;
  youngPassed: number;
  youngFailed: number;
  maturePassed: number;
  matureFailed: number;
}

/**
 * `trueRetention`'s table from per-day tallies: each period sums the days it covers
 * (today; yesterday; the last 7, 30 and 365 study days, today included; all time). Days after
 * `today` are ignored.
 * $$\text{retention} = \frac{\text{passed}}{\text{passed} + \text{failed}}$$
 */
export function retentionFromDailyTallies(
  tallies: readonly DailyRetentionTally[],
  today: StudyDay,
): TrueRetentionTable {
  const periods = {
    today: 0,
    yesterday: 1,
    week: 6,
    month: 29,
    year: 364,
    allTime: Number.POSITIVE_INFINITY,
  } as const;
  const row = (name: keyof typeof periods): RetentionRow => {
    const sum = { yp: 0, yf: 0, mp: 0, mf: 0 };
    for (const tally of tallies) {
      const ago = daysBetween(tally.day, today);
      if (ago < 0 || ago > periods[name]) continue;
      if (name === "yesterday" && ago !== 1) continue;
      sum.yp += tally.youngPassed;
      sum.yf += tally.youngFailed;
      sum.mp += tally.maturePassed;
      sum.mf += tally.matureFailed;
    }
    return {
      young: counts(sum.yp, sum.yf),
      mature: counts(sum.mp, sum.mf),
      total: counts(sum.yp + sum.mp, sum.yf + sum.mf),
    };
  };
  return retentionTable(row);
}

export interface HeatmapCell {
  day: StudyDay;
  count: number;
  /** 0 for no reviews, then 1..4 by quartile of the year's busy days. */
  level: 0 | 1 | 2 | 3 | 4;
}

/**
 * The heatmap's year: one cell per study day from the Monday on or before `today − 364` to
 * `today` (so each column is a week, Monday first), with a shading level. Levels split the
 * days that had reviews at the 25th, 50th and 75th percentile of their counts, so one busy
 * day does not wash out the rest.
 */
export function yearHeatmap(perDay: readonly DayCount[], today: StudyDay): HeatmapCell[] {
  const first = addDays(today, -364);
  // 2024-01-01 was a Monday: weekday index 0 = Monday.
  const weekday = ((daysBetween("2024-01-01", first) % 7) + 7) % 7;
  const start = addDays(first, -weekday);
  const counts = new Map<StudyDay, number>();
  for (const { day, count } of perDay) {
    if (day >= start && day <= today) counts.set(day, (counts.get(day) ?? 0) + count);
  }
  const busy = [...counts.values()].filter((n) => n > 0).sort((a, b) => a - b);
  const at = (p: number) => busy[Math.max(0, Math.ceil(p * busy.length) - 1)] ?? 0;
  const [q1, q2, q3] = [at(0.25), at(0.5), at(0.75)];
  const total = daysBetween(start, today) + 1;
  return Array.from({ length: total }, (_, i) => {
    const day = addDays(start, i);
    const count = counts.get(day) ?? 0;
    const level = count === 0 ? 0 : count <= q1 ? 1 : count <= q2 ? 2 : count <= q3 ? 3 : 4;
    return { day, count, level };
  });
}

/** Reviews of review-state cards with the same whole days since the last review and stability. */
export interface ElapsedStabilityGroup {
  elapsedDays: number;
  /** A representative stability (days) for the group, > 0. */
  stability: number;
  passed: number;
  failed: number;
}

export interface CalibrationPoint {
  /** Label of the elapsed-days bucket ("1", "8–14", …). */
  label: string;
  /** The bucket's first day (for ordering and the chart's axis). */
  fromDay: number;
  toDay: number;
  reviews: number;
  /** The mean FSRS retrievability of these reviews with the user's parameters. */
  predicted: number;
  /** The share of these reviews passed (rating > 1). */
  observed: number;
}

/** Elapsed-day buckets: single days up to a week, then widening ranges. */
export const CALIBRATION_BUCKETS: readonly (readonly [number, number])[] = [
  [0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7],
  [8, 10], [11, 14], [15, 21], [22, 30], [31, 45], [46, 60], [61, 90], [91, 180], [181, 365],
  [366, Number.POSITIVE_INFINITY],
];

/**
 * The forgetting curve as predicted next to the one observed: for reviews of review-state
 * cards grouped by the whole days since their last review, the mean predicted recall
 * $$\bar R = \frac{\sum_i n_i\,R(t_i, S_i)}{\sum_i n_i}$$
 * with R the FSRS-6 curve for `parameters` (null = defaults) and S the stability before the
 * review, beside the share actually recalled. Empty buckets are left out.
 */
export function calibrationCurve(
  groups: readonly ElapsedStabilityGroup[],
  parameters: readonly number[] | null,
): CalibrationPoint[] {
  const sums = CALIBRATION_BUCKETS.map(() => ({ reviews: 0, passed: 0, predicted: 0 }));
  for (const group of groups) {
    if (!Number.isFinite(group.stability) || group.stability <= 0) {
      throw new StatsInputError("stability", group.stability, "must be a number > 0");
    }
    const n = group.passed + group.failed;
    if (n <= 0 || group.elapsedDays < 0) continue;
    const index = CALIBRATION_BUCKETS.findIndex(([from, to]) => group.elapsedDays >= from && group.elapsedDays <= to);
    const sum = sums[index];
    if (!sum) continue;
    sum.reviews += n;
    sum.passed += group.passed;
    sum.predicted += n * predictedRetention(parameters, group.elapsedDays, group.stability);
  }
  const points: CalibrationPoint[] = [];
  sums.forEach((sum, i) => {
    const [from, to] = CALIBRATION_BUCKETS[i] ?? [0, 0];
    if (sum.reviews === 0) return;
    points.push({
      label: from === to ? String(from) : Number.isFinite(to) ? `${from}–${to}` : `${from}+`,
      fromDay: from,
      toDay: to,
      reviews: sum.reviews,
      predicted: sum.predicted / sum.reviews,
      observed: sum.passed / sum.reviews,
    });
  });
  return points;
}

/**
 * The instants at which each study day from `first` to `last` begins, plus the end of `last`
 * (n + 1 instants for n days), for bucketing timestamps by study day in the database
 * (`width_bucket(t, starts)` = 1 for `first`, 2 for the day after, …) with the very day
 * boundaries `studyDayOf` uses, DST included.
 */
export function studyDayStarts(first: StudyDay, last: StudyDay, timeZone: string, dayStartHour: number): Date[] {
  const n = daysBetween(first, last) + 1;
  if (n < 1) throw new StatsInputError("last", last, `must not be before ${first}`);
  return Array.from({ length: n + 1 }, (_, i) => startOfDay(addDays(first, i), timeZone, dayStartHour));
}

/**
 * The heatmap's month labels: the week column (0-based) where each month's first day falls,
 * as a calendar does; the first column is labelled too, unless its month starts again within
 * three weeks (the two labels would overlap).
 */
export function heatmapMonthLabels(cells: readonly HeatmapCell[]): { column: number; month: number }[] {
  const labels: { column: number; month: number }[] = [];
  cells.forEach((cell, i) => {
    const column = Math.floor(i / 7);
    const month = Number(cell.day.slice(5, 7)) - 1;
    if (i === 0) labels.push({ column, month });
    else if (cell.day.slice(8, 10) === "01") {
      if (labels.length === 1 && labels[0]!.column === 0 && column < 3) labels.shift();
      labels.push({ column, month });
    }
  });
  return labels;
}
