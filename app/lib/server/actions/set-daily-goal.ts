"use server";
import { dailyGoalSchema } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { saveDailyGoal } from "../data/settings";

/** Sets (or clears) the signed-in user's daily goal: reviews or minutes a study day. */
export const setDailyGoal = authedAction(dailyGoalSchema, async (user, goal) => {
  await saveDailyGoal(user.id, goal);
  return goal;
});
