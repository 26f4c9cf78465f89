import "#server-only";
import { z } from "zod";
import { addDays, startOfDay, studyDayOf, type StudyDay } from "@/app/lib/domain/scheduling";
import { studyDayStarts, type DailyRetentionTally } from "@/app/lib/domain/stats";
import { db } from "../db";
import {
  elapsedStabilityGroupsQuery,
  firstReviewQuery,
  retentionPerBucketQuery,
  reviewsBeforeQuery,
  reviewsPerBucketQuery,
} from "../sql/progress";
import { firstRowOf, rowsOf } from "../sql/typed-query";

/**
 * The review history's sums for the progress dashboard: reviews, time and true retention per
 * study day, and the forgetting curve's groups, all time. Closed days are kept in
 * `ProgressCache` and extended day by day (`historySums`); today is always read live.
 */

/** The study days a bucketing covers: `starts[i]` begins day `first + i` (see `studyDayStarts`). */
interface DayBuckets {
  first: StudyDay;
  /** Postgres array literal of the boundaries, as UTC timestamps. */
  literal: string;
}

/**
 * Buckets from the study day of `since` (a day start), or with `since` null from the user's
 * first review, to today; null when there is nothing to bucket.
 */
async function dayBuckets(
  userId: string,
  since: Date | null,
  today: StudyDay,
  timeZone: string,
  dayStartHour: number,
): Promise<DayBuckets | null> {
  let from = since;
  if (!from) {
    from = (await firstRowOf(firstReviewQuery(userId)))?.first ?? null;
  }
  if (!from) return null;
  const first = studyDayOf(from, timeZone, dayStartHour);
  if (first > today) return null;
  const starts = studyDayStarts(first, today, timeZone, dayStartHour);
  return { first, literal: `{${starts.map((d) => `"${d.toISOString()}"`).join(",")}}` };
}

/** Bucket i (1-based) of `width_bucket` is the study day `first + i - 1`; 0 and n+1 are outside. */
function bucketDay(buckets: DayBuckets, bucket: number): StudyDay {
  return addDays(buckets.first, bucket - 1);
}

const EPOCH = new Date(0);

/** One study day's sums: reviews, time, and the day's true-retention tally. */
export interface DaySums {
  day: StudyDay;
  count: number;
  ms: number;
  tally: DailyRetentionTally;
}

/** Reviews with the same (capped) elapsed days and stability bucket, before the cache or today. */
export interface CurveGroup {
  elapsed: number;
  sbucket: number;
  passed: number;
  failed: number;
}

/** Reviews and time per study day, for reviews at or after `since` (sql/progress.ts). */
async function reviewsPerStudyDay(userId: string, buckets: DayBuckets, since: Date, now: Date) {
  const rows = await rowsOf(reviewsPerBucketQuery(userId, buckets.literal, since, now));
  return rows
    .filter((r) => r.b >= 1)
    .map((r) => ({ day: bucketDay(buckets, r.b), count: r.n, ms: Number(r.ms ?? 0) }));
}

/** True retention per study day: each review-state card's first review of the day (sql/progress.ts). */
async function retentionPerStudyDay(userId: string, buckets: DayBuckets, since: Date, now: Date): Promise<DailyRetentionTally[]> {
  const rows = await rowsOf(retentionPerBucketQuery(userId, buckets.literal, since, now));
  return rows
    .filter((r) => r.b >= 1)
    .map((r) => ({
      day: bucketDay(buckets, r.b),
      youngPassed: r.yp,
      youngFailed: r.yf,
      maturePassed: r.mp,
      matureFailed: r.mf,
    }));
}

/** The sums of every review at or after `since` (a study-day start; null = all of them). */
async function historySince(
  userId: string,
  since: Date | null,
  today: StudyDay,
  todayStart: Date,
  timeZone: string,
  dayStartHour: number,
  now: Date,
): Promise<{ days: DaySums[]; closedCurve: CurveGroup[]; liveCurve: CurveGroup[] }> {
  const from = since ?? EPOCH;
  const [groups, [perDay, tallies]] = await Promise.all([
    rowsOf(elapsedStabilityGroupsQuery(userId, from, todayStart, now)),
    (async () => {
      const buckets = await dayBuckets(userId, since, today, timeZone, dayStartHour);
      if (!buckets) return [[], []];
      return Promise.all([reviewsPerStudyDay(userId, buckets, from, now), retentionPerStudyDay(userId, buckets, from, now)]);
    })(),
  ]);
  const byDay = new Map<StudyDay, DaySums>();
  const entry = (day: StudyDay) => {
    let sums = byDay.get(day);
    if (!sums) {
      sums = { day, count: 0, ms: 0, tally: { day, youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0 } };
      byDay.set(day, sums);
    }
    return sums;
  };
  for (const row of perDay) Object.assign(entry(row.day), { count: row.count, ms: row.ms });
  for (const tally of tallies) entry(tally.day).tally = tally;
  const curve = (live: boolean) =>
    groups.filter((g) => g.live === live).map(({ elapsed, sbucket, passed, failed }) => ({ elapsed, sbucket, passed, failed }));
  return {
    days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
    closedCurve: curve(false),
    liveCurve: curve(true),
  };
}

/** A cached day: [day, reviews, ms, young passed, young failed, mature passed, mature failed]. */
type CachedDay = [StudyDay, number, number, number, number, number, number];
/** A cached curve group: [elapsed, stability bucket, passed, failed]. */
type CachedGroup = [number, number, number, number];

/**
 * The cache's JSON columns, parsed when read back (not cast): a row of another shape (written
 * by an older version, or edited by hand) is not trusted, and the history is summed afresh.
 */
const n = z.number();
const cachedDaysSchema = z.array(z.tuple([z.string(), n, n, n, n, n, n])) satisfies z.ZodType<CachedDay[]>;
const cachedCurveSchema = z.array(z.tuple([n, n, n, n])) satisfies z.ZodType<CachedGroup[]>;

function packDay(d: DaySums): CachedDay {
  const t = d.tally;
  return [d.day, d.count, d.ms, t.youngPassed, t.youngFailed, t.maturePassed, t.matureFailed];
}

function unpackDay([day, count, ms, youngPassed, youngFailed, maturePassed, matureFailed]: CachedDay): DaySums {
  return { day, count, ms, tally: { day, youngPassed, youngFailed, maturePassed, matureFailed } };
}

function mergeCurve(...lists: CurveGroup[][]): CurveGroup[] {
  const merged = new Map<string, CurveGroup>();
  for (const group of lists.flat()) {
    const key = `${group.elapsed}/${group.sbucket}`;
    const sum = merged.get(key);
    if (sum) {
      sum.passed += group.passed;
      sum.failed += group.failed;
    } else merged.set(key, { ...group });
  }
  // One order whatever the source, so the curve's floating-point sums come out the same.
  return [...merged.values()].sort((a, b) => a.elapsed - b.elapsed || a.sbucket - b.sbucket);
}

/**
 * Every study day's sums and the curve groups, all time. Closed study days (before today) are
 * kept in `ProgressCache` and extended day by day; the cache is trusted only for the same time
 * zone and day start and while the user has as many reviews before its `until` as when it was
 * written (an import, an undo or a wipe changes that count; the cache is then rebuilt). Today
 * is always read live.
 */
export async function historySums(userId: string, today: StudyDay, timeZone: string, dayStartHour: number, now: Date) {
  const todayStart = startOfDay(today, timeZone, dayStartHour);
  const cached = await db.progressCache.findUnique({ where: { userId } });
  const usable =
    cached && cached.timeZone === timeZone && cached.dayStartHour === dayStartHour && cached.until.getTime() <= todayStart.getTime()
      ? cached
      : null;
  let base: { days: DaySums[]; curve: CurveGroup[]; logCount: number } | null = null;
  let fresh;
  if (usable) {
    const [countRows, delta] = await Promise.all([
      rowsOf(reviewsBeforeQuery(userId, usable.until)),
      historySince(userId, usable.until, today, todayStart, timeZone, dayStartHour, now),
    ]);
    const cachedDays = cachedDaysSchema.safeParse(usable.days);
    const cachedCurve = cachedCurveSchema.safeParse(usable.curve);
    if (countRows[0]?.n === usable.logCount && cachedDays.success && cachedCurve.success) {
      base = {
        days: cachedDays.data.map(unpackDay),
        curve: cachedCurve.data.map(([elapsed, sbucket, passed, failed]) => ({ elapsed, sbucket, passed, failed })),
        logCount: usable.logCount,
      };
      fresh = delta;
    }
  }
  fresh ??= await historySince(userId, null, today, todayStart, timeZone, dayStartHour, now);

  const closedDays = [...(base?.days ?? []), ...fresh.days.filter((d) => d.day < today)];
  const closedCurve = mergeCurve(base?.curve ?? [], fresh.closedCurve);
  const days = [...closedDays, ...fresh.days.filter((d) => d.day >= today)];
  const curve = mergeCurve(closedCurve, fresh.liveCurve);

  const grown = !base || (usable !== null && usable.until.getTime() < todayStart.getTime());
  if (grown) {
    const logCount = closedDays.reduce((sum, d) => sum + d.count, 0);
    const data = {
      timeZone,
      dayStartHour,
      until: todayStart,
      logCount,
      days: closedDays.map(packDay),
      curve: closedCurve.map((g): CachedGroup => [g.elapsed, g.sbucket, g.passed, g.failed]),
    };
    await db.progressCache.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  }
  return { days, curve };
}

