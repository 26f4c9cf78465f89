import "#server-only";
import { z } from "zod";
import { scoreTrend, type ScoreTrend } from "@/app/lib/domain/quiz";
import { addDays, startOfDay, startOfStudyDay, studyDayOf, type StudyDay } from "@/app/lib/domain/scheduling";
import {
  calibrationCurve,
  dueForecast,
  forecastSpread,
  MATURE_INTERVAL_DAYS,
  retentionFromDailyTallies,
  streak,
  yearHeatmap,
  studyDayStarts,
  type CalibrationPoint,
  type DailyRetentionTally,
  type DayCount,
  type ForecastDay,
  type HeatmapCell,
  type StreakResult,
  type TrueRetentionTable,
} from "@/app/lib/domain/stats";
import { db } from "../db";
import { masteryByPaper } from "./mastery";
import { dailyGoalOf, getUserSettings } from "./settings";
import { visiblePaperSql, visiblePapers } from "./visibility";
import { activeGoal, daysMeetingGoal, type DailyGoal } from "@/app/lib/domain/stats/daily-goal";

/**
 * The progress dashboard of one user. Every query is scoped to `userId`; the big ones (over
 * the whole review log) group in PostgreSQL, by study day in the user's time zone, so a
 * million review logs come back as a few hundred rows; the pure stats domain does the rest.
 */

export interface TodaySummary {
  day: StudyDay;
  reviews: number;
  /** Answers by the card's state before them. */
  byState: { new: number; learning: number; review: number; relearning: number };
  again: number;
  /** Sum of the answers' durations, ms. */
  timeMs: number;
}

export interface NoteMastery {
  slug: string;
  title: string;
  short: string;
  area: string;
  /** 0..1, null when the note has no live cards. */
  mastery: number | null;
  /** Cards of the note the user has studied (has a state for). */
  studied: number;
  cards: number;
}

export interface QuizScorePoint {
  id: string;
  title: string;
  finishedAt: string;
  score: number;
}

export interface ProgressDashboard {
  timeZone: string;
  dayStartHour: number;
  today: TodaySummary;
  totalReviews: number;
  /** The last year, Monday-aligned weeks. */
  heatmap: HeatmapCell[];
  /** The daily goal, if set, and the study days of the heatmap's year that met it. */
  goal: { goal: DailyGoal; days: StudyDay[] } | null;
  streak: StreakResult;
  forecast: ForecastDay[];
  /** The forecast's busiest day over its mean (from tomorrow), and what spreads it. */
  spread: { maxOverMean: number | null; loadBalance: boolean; easyDays: boolean };
  retention: TrueRetentionTable;
  calibration: CalibrationPoint[];
  /** Whether the curve uses fitted parameters (else the FSRS defaults). */
  fittedParameters: boolean;
  mastery: NoteMastery[];
  quizScores: QuizScorePoint[];
  quizTrend: ScoreTrend;
}

/** The goal and the days that met it (by reviews or time), or null without a goal. */
function goalDays(goal: DailyGoal, days: readonly { day: StudyDay; count: number; ms: number }[]): ProgressDashboard["goal"] {
  return activeGoal(goal) ? { goal, days: daysMeetingGoal(goal, days) } : null;
}

/** How many recent finished quizzes the trend shows. */
const QUIZ_POINTS = 100;
const FORECAST_DAYS = 30;

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
    const [row] = await db.$queryRaw<{ first: Date | null }[]>`
      SELECT min("reviewedAt") AS first FROM "ReviewLog" WHERE "userId" = ${userId}`;
    from = row?.first ?? null;
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

/** One study day's sums: reviews, time, and the day's true-retention tally. */
interface DaySums {
  day: StudyDay;
  count: number;
  ms: number;
  tally: DailyRetentionTally;
}

/** Reviews with the same (capped) elapsed days and stability bucket, before the cache or today. */
interface CurveGroup {
  elapsed: number;
  sbucket: number;
  passed: number;
  failed: number;
}

const EPOCH = new Date(0);

/**
 * Reviews and time per study day, for reviews at or after `since`. Study days come from
 * `width_bucket` over the day boundaries computed by the domain: a binary search per row
 * instead of a time-zone conversion per row (which cost four times as much with a million rows).
 */
async function reviewsPerStudyDay(userId: string, buckets: DayBuckets, since: Date, now: Date) {
  const rows = await db.$queryRaw<{ b: number; n: number; ms: bigint | number | null }[]>`
    SELECT width_bucket("reviewedAt", ${buckets.literal}::timestamp[]) AS b, count(*)::int AS n,
           sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY 1`;
  return rows
    .filter((r) => r.b >= 1)
    .map((r) => ({ day: bucketDay(buckets, r.b), count: r.n, ms: Number(r.ms ?? 0) }));
}

/**
 * True retention per study day: the first review of each review-state card in a day, passed
 * (rating > 1) or failed, young or mature by the interval before it. The reviews come in
 * (card, time) order from the covering (userId, cardId, reviewedAt) index, and a study day
 * only grows with time, so `DISTINCT ON (card, day)` needs no more than a sort within each
 * card: no hash of every (card, day) pair, nothing spilled to disk. Ties (same instant) count
 * the failed, then the young review, as before.
 */
async function retentionPerStudyDay(userId: string, buckets: DayBuckets, since: Date, now: Date): Promise<DailyRetentionTally[]> {
  const rows = await db.$queryRaw<{ b: number; yp: number; yf: number; mp: number; mf: number }[]>`
    WITH firsts AS (
      SELECT DISTINCT ON ("cardId", b) b, rating, "scheduledDays"
        FROM (SELECT "cardId", "reviewedAt", rating, "scheduledDays",
                     width_bucket("reviewedAt", ${buckets.literal}::timestamp[]) AS b
                FROM "ReviewLog"
               WHERE "userId" = ${userId} AND state = 2 AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}) logs
       ORDER BY "cardId", b, "reviewedAt", rating > 1, "scheduledDays" >= ${MATURE_INTERVAL_DAYS})
    SELECT b,
           count(*) FILTER (WHERE rating > 1 AND "scheduledDays" < ${MATURE_INTERVAL_DAYS})::int AS yp,
           count(*) FILTER (WHERE rating <= 1 AND "scheduledDays" < ${MATURE_INTERVAL_DAYS})::int AS yf,
           count(*) FILTER (WHERE rating > 1 AND "scheduledDays" >= ${MATURE_INTERVAL_DAYS})::int AS mp,
           count(*) FILTER (WHERE rating <= 1 AND "scheduledDays" >= ${MATURE_INTERVAL_DAYS})::int AS mf
      FROM firsts GROUP BY b`;
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

/**
 * Reviews of review-state cards at or after `since` grouped by whole days since the last
 * review and by stability (in buckets an eighth of a natural log wide, about 13 %), for the
 * predicted-vs-observed curve; `live` marks the groups of today's reviews (at or after `todayStart`).
 */
async function elapsedStabilityGroups(userId: string, since: Date, todayStart: Date, now: Date) {
  return db.$queryRaw<(CurveGroup & { live: boolean })[]>`
    SELECT LEAST("elapsedDays", 400)::int AS elapsed, round(ln(stability) * 8)::int AS sbucket,
           ("reviewedAt" >= ${todayStart}) AS live,
           count(*) FILTER (WHERE rating > 1)::int AS passed,
           count(*) FILTER (WHERE rating = 1)::int AS failed
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND state = 2 AND stability > 0 AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY 1, 2, 3`;
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
    elapsedStabilityGroups(userId, from, todayStart, now),
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
async function historySums(userId: string, today: StudyDay, timeZone: string, dayStartHour: number, now: Date) {
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
      db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "ReviewLog" WHERE "userId" = ${userId} AND "reviewedAt" < ${usable.until}`,
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

async function todaySummary(userId: string, since: Date, now: Date) {
  const rows = await db.$queryRaw<{ state: number; n: number; again: number; ms: bigint | number | null }[]>`
    SELECT state, count(*)::int AS n, count(*) FILTER (WHERE rating = 1)::int AS again,
           sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY state`;
  const byState = { new: 0, learning: 0, review: 0, relearning: 0 };
  const names = ["new", "learning", "review", "relearning"] as const;
  let again = 0;
  let timeMs = 0;
  for (const row of rows) {
    const name = names[row.state];
    if (name) byState[name] += row.n;
    again += row.again;
    timeMs += Number(row.ms ?? 0);
  }
  return { byState, again, timeMs, reviews: byState.new + byState.learning + byState.review + byState.relearning };
}

async function dueDates(userId: string, until: Date): Promise<Date[]> {
  const rows = await db.$queryRaw<{ due: Date }[]>`
    SELECT s.due FROM "CardState" s
      JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND s.due < ${until} AND NOT s.suspended
       AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}`;
  return rows.map((r) => r.due);
}

/** Every live note with the user's mastery, in the library's order, for the map of notes. */
export async function masteryMap(userId: string, now: Date): Promise<NoteMastery[]> {
  const [mastery, papers, studied] = await Promise.all([
    masteryByPaper(userId, now),
    db.paper.findMany({
      where: { retiredAt: null, ...visiblePapers(userId) },
      orderBy: [{ area: "asc" }, { sortKey: "asc" }],
      select: { id: true, slug: true, title: true, short: true, area: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
    }),
    db.$queryRaw<{ paperId: string; n: number }[]>`
      SELECT c."paperId", count(*)::int AS n FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = ${userId} AND s.state <> 0 AND c."retiredAt" IS NULL
       GROUP BY c."paperId"`,
  ]);
  const studiedBy = new Map(studied.map((r) => [r.paperId, r.n]));
  return papers.map((p) => ({
    slug: p.slug,
    title: p.title,
    short: p.short,
    area: p.area,
    mastery: mastery.get(p.id) ?? null,
    studied: studiedBy.get(p.id) ?? 0,
    cards: p._count.cards,
  }));
}

async function quizScores(userId: string): Promise<QuizScorePoint[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, finishedAt: { not: null }, score: { not: null } },
    orderBy: { finishedAt: "desc" },
    take: QUIZ_POINTS,
    select: { id: true, title: true, finishedAt: true, score: true },
  });
  return rows.reverse().map((r) => ({
    id: r.id,
    title: r.title,
    finishedAt: (r.finishedAt ?? new Date(0)).toISOString(),
    score: r.score ?? 0,
  }));
}

/** Everything /progress shows, for the user at `now`. */
export async function getProgressDashboard(userId: string, now: Date): Promise<ProgressDashboard> {
  const settings = await getUserSettings(userId);
  const { timeZone, dayStartHour } = settings;
  const today = studyDayOf(now, timeZone, dayStartHour);
  const forecastEnd = startOfDay(addDays(today, FORECAST_DAYS), timeZone, dayStartHour);
  const [history, todayRows, dues, mastery, scores] = await Promise.all([
    historySums(userId, today, timeZone, dayStartHour, now),
    todaySummary(userId, startOfStudyDay(now, timeZone, dayStartHour), now),
    dueDates(userId, forecastEnd),
    masteryMap(userId, now),
    quizScores(userId),
  ]);
  const perDay = history.days.filter((d) => d.count > 0);
  const tallies = history.days.map((d) => d.tally);
  const groups = history.curve.map((g) => ({
    elapsedDays: g.elapsed,
    stability: Math.exp(g.sbucket / 8),
    passed: g.passed,
    failed: g.failed,
  }));
  const forecast = dueForecast(dues, now, FORECAST_DAYS, timeZone, dayStartHour);
  const dayCounts: DayCount[] = perDay.map(({ day, count }) => ({ day, count }));
  const parameters = settings.parameters.length > 0 ? settings.parameters : null;
  return {
    timeZone,
    dayStartHour,
    today: { day: today, ...todayRows },
    totalReviews: dayCounts.reduce((sum, d) => sum + d.count, 0),
    heatmap: yearHeatmap(dayCounts, today),
    goal: goalDays(dailyGoalOf(settings), history.days),
    streak: streak(dayCounts.map((d) => d.day), today),
    forecast,
    spread: {
      maxOverMean: forecastSpread(forecast),
      loadBalance: settings.loadBalance,
      easyDays: settings.easyDays.some((share) => share < 1),
    },
    retention: retentionFromDailyTallies(tallies, today),
    calibration: calibrationCurve(groups, parameters),
    fittedParameters: parameters !== null,
    mastery,
    quizScores: scores,
    quizTrend: scoreTrend(scores.map((s) => s.score)),
  };
}
