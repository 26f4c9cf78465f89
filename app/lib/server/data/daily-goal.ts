import "#server-only";
import { startOfStudyDay } from "@/app/lib/domain/scheduling";
import { activeGoal, type DailyGoal } from "@/app/lib/domain/stats";
import { answersTodayQuery } from "../sql/daily-goal";
import { firstRowOf } from "../sql/typed-query";
import { dailyGoalOf, getUserSettings } from "./settings";

export interface GoalToday {
  goal: DailyGoal & { kind: "reviews" | "minutes" };
  /** Answers given today in review sessions, before this read. */
  reviews: number;
  /** Time spent on them, in milliseconds (as each answer recorded it). */
  ms: number;
}

/**
 * The user's daily goal and how far today's study day has got (the review page's bar); null
 * when the user has no goal. Counts review-session answers, as the finish screen's day total does.
 */
export async function dailyGoalToday(userId: string, now: Date): Promise<GoalToday | null> {
  const settings = await getUserSettings(userId);
  const goal = activeGoal(dailyGoalOf(settings));
  if (!goal) return null;
  const dayStart = startOfStudyDay(now, settings.timeZone, settings.dayStartHour);
  const row = await firstRowOf(answersTodayQuery(userId, dayStart, now));
  return { goal, reviews: row?.n ?? 0, ms: Number(row?.ms ?? 0) };
}
