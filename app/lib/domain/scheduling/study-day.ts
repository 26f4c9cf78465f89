/**
 * Study days in the user's time zone. A study day starts at `dayStartHour` local time (Anki's
 * "next day starts at", 4 by default), so a review at 02:00 belongs to the day before.
 * Time zones come from `@date-fns/tz` (this module is its one importer); the calendar arithmetic
 * on 'YYYY-MM-DD' strings is done in UTC, where every day has 24 hours, so DST never shifts a day.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import { SchedulingInputError } from "./errors";

/** A calendar date, 'YYYY-MM-DD'. */
export type StudyDay = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
}

/** Throws the named error for a zone the time-zone database does not know. */
function assertTimeZone(timeZone: string): void {
  if (Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    throw new SchedulingInputError("timeZone", timeZone, "is not an IANA time zone");
  }
}

/** Minutes east of UTC of `timeZone` at `instantMs` (e.g. 480 in Shanghai, -300 in New York in winter). */
export function utcOffsetMinutes(instantMs: number, timeZone: string): number {
  assertTimeZone(timeZone);
  return tzOffset(timeZone, new Date(instantMs));
}

/** The wall-clock reading in `timeZone` at `instantMs`, expressed as if it were UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  return instantMs + utcOffsetMinutes(instantMs, timeZone) * 60_000;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  assertTimeZone(timeZone);
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours() };
}

/**
 * The study day that `now` belongs to in `timeZone`: the local calendar date, or the date
 * before it when the local hour is earlier than `dayStartHour`.
 */
export function studyDayOf(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  assertInstant(now);
  assertDayStartHour(dayStartHour);
  const local = wallClock(now, timeZone);
  const date = formatDay(Date.UTC(local.year, local.month - 1, local.day));
  return local.hour < dayStartHour ? addDays(date, -1) : date;
}

/**
 * The instant (UTC) at which the study day containing `now` began: `dayStartHour`:00 local
 * time on that day. When DST makes that wall time occur twice the earlier one is used; when
 * it does not exist (the clock jumps over it) the day begins at the jump.
 */
export function startOfStudyDay(now: Date, timeZone: string, dayStartHour: number): Date {
  return startOfDay(studyDayOf(now, timeZone, dayStartHour), timeZone, dayStartHour);
}

/** The instant (UTC) at which study day `day` begins. */
export function startOfDay(day: StudyDay, timeZone: string, dayStartHour: number): Date {
  assertDayStartHour(dayStartHour);
  const target = parseDay(day) + dayStartHour * 3_600_000;
  const offsets = new Set(
    [target - DAY_MS, target, target + DAY_MS].map((probe) => wallClockMs(probe, timeZone) - probe),
  );
  const exact = [...offsets]
    .map((offset) => target - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === target);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // The wall time was skipped: with the offset in force before the jump we land on the jump.
  return new Date(target - (wallClockMs(target - DAY_MS, timeZone) - (target - DAY_MS)));
}

/** `day` moved by `n` calendar days. */
export function addDays(day: StudyDay, n: number): StudyDay {
  if (!Number.isInteger(n))
    throw new SchedulingInputError("n", n, "must be a whole number of days");
  return formatDay(parseDay(day) + n * DAY_MS);
}

/** The weekday of a study day, Monday 0 … Sunday 6 (Anki's easy days count from Monday). */
export function weekdayOf(day: StudyDay): number {
  return (new Date(parseDay(day)).getUTCDay() + 6) % 7;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: StudyDay, to: StudyDay): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

export interface DailyLimitsInput {
  newLimit: number;
  reviewLimit: number;
  newDoneToday: number;
  reviewsDoneToday: number;
}

export interface DailyRemaining {
  newLeft: number;
  reviewsLeft: number;
}

/**
 * How many new cards and reviews may still be shown today: each limit minus what was done,
 * never below 0. The two limits are independent (new cards do not use up the review limit);
 * (re)learning steps are not limited, as in Anki.
 */
export function remainingToday(input: DailyLimitsInput): DailyRemaining {
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new SchedulingInputError(field, value, "must be a whole number ≥ 0");
    }
  }
  return {
    newLeft: Math.max(0, input.newLimit - input.newDoneToday),
    reviewsLeft: Math.max(0, input.reviewLimit - input.reviewsDoneToday),
  };
}

function parseDay(day: StudyDay): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new SchedulingInputError("day", day, "must be a date like 2025-03-09");
  const [, y, m, d] = match.map(Number);
  const ms = Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0);
  if (formatDay(ms) !== day) throw new SchedulingInputError("day", day, "is not a calendar date");
  return ms;
}

function formatDay(utcMs: number): StudyDay {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function assertInstant(now: Date): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new SchedulingInputError("now", now, "must be a valid Date");
  }
}

function assertDayStartHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new SchedulingInputError("dayStartHour", hour, "must be a whole hour from 0 to 23");
  }
}
