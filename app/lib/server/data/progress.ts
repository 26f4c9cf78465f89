import "server-only";
import { scoreTrend, type ScoreTrend } from "@/app/lib/domain/quiz";
import { addDays, startOfDay, startOfStudyDay, studyDayOf, type StudyDay } from "@/app/lib/domain/scheduling";
import {
  calibrationCurve,
  dueForecast,
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
import { getUserSettings } from "./settings";

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
  streak: StreakResult;
  forecast: ForecastDay[];
  retention: TrueRetentionTable;
  calibration: CalibrationPoint[];
  /** Whether the curve uses fitted parameters (else the FSRS defaults). */
  fittedParameters: boolean;
  mastery: NoteMastery[];
  quizScores: QuizScorePoint[];
  quizTrend: ScoreTrend;
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

async function dayBuckets(userId: string, today: StudyDay, timeZone: string, dayStartHour: number): Promise<DayBuckets | null> {
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min("reviewedAt") AS first FROM "ReviewLog" WHERE "userId" = ${userId}`;
  if (!row?.first) return null;
  const first = studyDayOf(row.first, timeZone, dayStartHour);
  if (first > today) return null;
  const starts = studyDayStarts(first, today, timeZone, dayStartHour);
  return { first, literal: `{${starts.map((d) => `"${d.toISOString()}"`).join(",")}}` };
}

/** Bucket i (1-based) of `width_bucket` is the study day `first + i - 1`; 0 and n+1 are outside. */
function bucketDay(buckets: DayBuckets, bucket: number): StudyDay {
  return addDays(buckets.first, bucket - 1);
}

/**
 * Reviews and time per study day, all time. Study days come from `width_bucket` over the day
 * boundaries computed by the domain: a binary search per row instead of a time-zone
 * conversion per row (which cost four times as much with a million rows).
 */
async function reviewsPerStudyDay(userId: string, buckets: DayBuckets, now: Date) {
  const rows = await db.$queryRaw<{ b: number; n: number; ms: bigint | number | null }[]>`
    SELECT width_bucket("reviewedAt", ${buckets.literal}::timestamp[]) AS b, count(*)::int AS n,
           sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" <= ${now}
     GROUP BY 1`;
  return rows
    .filter((r) => r.b >= 1)
    .map((r) => ({ day: bucketDay(buckets, r.b), count: r.n, ms: Number(r.ms ?? 0) }));
}

/**
 * True retention per study day: the first review of each review-state card in a day, passed
 * (rating > 1) or failed, young or mature by the interval before it. The first review is
 * found with a hash aggregate on (card, day) over a packed key (time in ms, then the rating
 * and maturity bits) instead of a sort of every review.
 */
async function retentionPerStudyDay(userId: string, buckets: DayBuckets, now: Date): Promise<DailyRetentionTally[]> {
  const rows = await db.$queryRaw<{ b: number; yp: number; yf: number; mp: number; mf: number }[]>`
    WITH firsts AS (
      SELECT width_bucket("reviewedAt", ${buckets.literal}::timestamp[]) AS b,
             min((floor(extract(epoch FROM "reviewedAt") * 1000)::bigint << 3)
                 | (CASE WHEN rating > 1 THEN 2 ELSE 0 END)
                 | (CASE WHEN "scheduledDays" >= ${MATURE_INTERVAL_DAYS} THEN 1 ELSE 0 END)) AS packed
        FROM "ReviewLog"
       WHERE "userId" = ${userId} AND state = 2 AND "reviewedAt" <= ${now}
       GROUP BY "cardId", 1)
    SELECT b,
           count(*) FILTER (WHERE packed & 3 = 2)::int AS yp,
           count(*) FILTER (WHERE packed & 3 = 0)::int AS yf,
           count(*) FILTER (WHERE packed & 3 = 3)::int AS mp,
           count(*) FILTER (WHERE packed & 3 = 1)::int AS mf
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
 * Reviews of review-state cards grouped by whole days since the last review and by stability
 * (in buckets an eighth of a natural log wide, about 13 %), for the predicted-vs-observed curve.
 */
async function elapsedStabilityGroups(userId: string, now: Date) {
  const rows = await db.$queryRaw<{ elapsed: number; sbucket: number; passed: number; failed: number }[]>`
    SELECT LEAST("elapsedDays", 400) AS elapsed, round(ln(stability) * 8)::int AS sbucket,
           count(*) FILTER (WHERE rating > 1)::int AS passed,
           count(*) FILTER (WHERE rating = 1)::int AS failed
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND state = 2 AND stability > 0 AND "reviewedAt" <= ${now}
     GROUP BY 1, 2`;
  return rows.map((r) => ({
    elapsedDays: r.elapsed,
    stability: Math.exp(r.sbucket / 8),
    passed: r.passed,
    failed: r.failed,
  }));
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
     WHERE s."userId" = ${userId} AND s.state <> 0 AND s.due < ${until}
       AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL`;
  return rows.map((r) => r.due);
}

/** Every live note with the user's mastery, in the library's order, for the map of notes. */
export async function masteryMap(userId: string, now: Date): Promise<NoteMastery[]> {
  const [mastery, papers, studied] = await Promise.all([
    masteryByPaper(userId, now),
    db.paper.findMany({
      where: { retiredAt: null },
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
  const buckets = await dayBuckets(userId, today, timeZone, dayStartHour);
  const [perDay, tallies, groups, todayRows, dues, mastery, scores] = await Promise.all([
    buckets ? reviewsPerStudyDay(userId, buckets, now) : [],
    buckets ? retentionPerStudyDay(userId, buckets, now) : [],
    elapsedStabilityGroups(userId, now),
    todaySummary(userId, startOfStudyDay(now, timeZone, dayStartHour), now),
    dueDates(userId, forecastEnd),
    masteryMap(userId, now),
    quizScores(userId),
  ]);
  const dayCounts: DayCount[] = perDay.map(({ day, count }) => ({ day, count }));
  const parameters = settings.parameters.length > 0 ? settings.parameters : null;
  return {
    timeZone,
    dayStartHour,
    today: { day: today, ...todayRows },
    totalReviews: dayCounts.reduce((sum, d) => sum + d.count, 0),
    heatmap: yearHeatmap(dayCounts, today),
    streak: streak(dayCounts.map((d) => d.day), today),
    forecast: dueForecast(dues, now, FORECAST_DAYS, timeZone, dayStartHour),
    retention: retentionFromDailyTallies(tallies, today),
    calibration: calibrationCurve(groups, parameters),
    fittedParameters: parameters !== null,
    mastery,
    quizScores: scores,
    quizTrend: scoreTrend(scores.map((s) => s.score)),
  };
}
