/**
 * The optional daily goal: a number of reviews, or of minutes spent answering, a study day.
 * Pure: the day's reviews and time are passed in.
 */
import type { StudyDay } from "@/app/lib/domain/scheduling";

export const DAILY_GOAL_KINDS = ["none", "reviews", "minutes"] as const;
export type DailyGoalKind = (typeof DAILY_GOAL_KINDS)[number];

export interface DailyGoal {
  kind: DailyGoalKind;
  /** Reviews or minutes; a goal of 0 is no goal. */
  target: number;
}

export interface GoalProgress {
  kind: "reviews" | "minutes";
  target: number;
  /** Reviews answered, or whole minutes spent, so far. */
  done: number;
  met: boolean;
  /** done / target, at most 1, for a progress bar. */
  fraction: number;
}

/** The goal when one is set (a kind and a target above 0), else null. */
export function activeGoal(goal: DailyGoal): (DailyGoal & { kind: "reviews" | "minutes" }) | null {
  return goal.kind !== "none" && goal.target > 0 ? { kind: goal.kind, target: goal.target } : null;
}

/** Progress toward the goal on one day from its reviews and milliseconds spent answering; null without a goal. */
export function goalProgress(goal: DailyGoal, day: { reviews: number; ms: number }): GoalProgress | null {
  const active = activeGoal(goal);
  if (!active) return null;
  const done = active.kind === "reviews" ? day.reviews : Math.floor(day.ms / 60_000);
  return { kind: active.kind, target: active.target, done, met: done >= active.target, fraction: Math.min(1, done / active.target) };
}

/** The days of `days` that met the goal (none without a goal), in the order given. */
export function daysMeetingGoal(goal: DailyGoal, days: readonly { day: StudyDay; count: number; ms: number }[]): StudyDay[] {
  return days.filter((d) => goalProgress(goal, { reviews: d.count, ms: d.ms })?.met === true).map((d) => d.day);
}

/** "12 of 50 reviews", "7 of 15 minutes". */
export function describeGoalProgress(progress: GoalProgress): string {
  const unit = progress.kind === "reviews" ? (progress.target === 1 ? "review" : "reviews") : progress.target === 1 ? "minute" : "minutes";
  return `${progress.done} of ${progress.target} ${unit}`;
}
