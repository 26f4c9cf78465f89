import { addDays, daysBetween, studyDayOf, type StudyDay } from "@/app/lib/domain/scheduling";

import { StatsInputError } from "./errors";

export interface StreakResult {
  /** Consecutive study days with reviews, ending today (or yesterday if today has none yet). */
  current: number;
  /** The longest run of consecutive study days with reviews. */
  longest: number;
}

/**
 * Study-day streaks from the days that had at least one review ('YYYY-MM-DD', any order,
 * duplicates allowed). A streak is still alive while today has no reviews yet: it counts back
 * from yesterday then, and breaks only when a whole study day passes without a review.
 * Days after `today` are ignored.
 */
export function streak(daysWithReviews: Iterable<StudyDay>, today: StudyDay): StreakResult {
  const days = new Set<StudyDay>();
  for (const day of daysWithReviews) if (daysBetween(day, today) >= 0) days.add(day);

  let current = 0;
  let cursor = days.has(today) ? today : addDays(today, -1);
  while (days.has(cursor)) {
    current += 1;
    cursor = addDays(cursor, -1);
  }

  let longest = 0;
  for (const day of days) {
    if (days.has(addDays(day, -1))) continue; // not the first day of a run
    let length = 1;
    for (let next = addDays(day, 1); days.has(next); next = addDays(next, 1)) length += 1;
    longest = Math.max(longest, length);
  }
  return { current, longest };
}

export interface DayCount {
  day: StudyDay;
  count: number;
}

/**
 * Reviews per study day for the heatmap, oldest day first; days without reviews are left out.
 * A review at 02:00 with `dayStartHour` 4 counts for the day before, as in `studyDayOf`.
 */
export function reviewsPerDay(
  logs: readonly { reviewedAt: Date }[],
  timeZone: string,
  dayStartHour: number,
): DayCount[] {
  const counts = new Map<StudyDay, number>();
  for (const { reviewedAt } of logs) {
    const day = studyDayOf(reviewedAt, timeZone, dayStartHour);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts]
    .map(([day, count]) => ({ day, count }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export interface ForecastDay extends DayCount {
  /** 0 for today, 1 for tomorrow, … */
  offset: number;
}

/**
 * Cards coming due on each of the next `days` study days (today first, one entry per day, zeros
 * included). Overdue cards count for today; cards due after the horizon are left out.
 */
export function dueForecast(
  dueDates: readonly Date[],
  now: Date,
  days: number = 30,
  timeZone: string,
  dayStartHour: number,
): ForecastDay[] {
  if (!Number.isInteger(days) || days < 1) {
    throw new StatsInputError("days", days, "must be a whole number ≥ 1");
  }
  const today = studyDayOf(now, timeZone, dayStartHour);
  const forecast: ForecastDay[] = Array.from({ length: days }, (_, offset) => ({
    day: addDays(today, offset),
    offset,
    count: 0,
  }));
  for (const due of dueDates) {
    const offset = Math.max(0, daysBetween(today, studyDayOf(due, timeZone, dayStartHour)));
    const entry = forecast[offset];
    if (entry) entry.count += 1;
  }
  return forecast;
}

/**
 * How evenly a forecast spreads its reviews: the busiest day's count over the mean, from
 * tomorrow on (today holds the overdue cards, which no scheduler option spreads). 1 is
 * perfectly flat; null when nothing is due. What the load balancer and easy days lower.
 */
export function forecastSpread(forecast: readonly ForecastDay[]): number | null {
  const ahead = forecast.filter((f) => f.offset > 0).map((f) => f.count);
  const total = ahead.reduce((s, c) => s + c, 0);
  if (ahead.length === 0 || total === 0) return null;
  return Math.max(...ahead) / (total / ahead.length);
}
