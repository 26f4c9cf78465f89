import "#server-only";
import { scoreTrend, type ScoreTrend } from "@/app/lib/domain/quiz";
import { addDays, startOfDay, startOfStudyDay, studyDayOf, type StudyDay } from "@/app/lib/domain/scheduling";
import {
  calibrationCurve,
  dueForecast,
  forecastSpread,
  retentionFromDailyTallies,
  streak,
  yearHeatmap,
  type CalibrationPoint,
  type DayCount,
  type ForecastDay,
  type HeatmapCell,
  type StreakResult,
  type TrueRetentionTable,
} from "@/app/lib/domain/stats";
import { db } from "../db";
import { answersByStateQuery, dueDatesQuery, studiedPerNoteQuery } from "../sql/progress";
import { rowsOf } from "../sql/typed-query";
import { masteryByPaper } from "./mastery";
import { historySums } from "./progress-history";
import { dailyGoalOf, getUserSettings } from "./settings";
import { visiblePapers } from "./visibility";
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

async function todaySummary(userId: string, since: Date, now: Date) {
  const rows = await rowsOf(answersByStateQuery(userId, since, now));
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
  const rows = await rowsOf(dueDatesQuery(userId, until));
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
    rowsOf(studiedPerNoteQuery(userId)),
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
