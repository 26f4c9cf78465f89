"use server";
import { z } from "zod";
import { studyDayOf } from "@/app/lib/domain/scheduling";
import { authedAction } from "../auth/guard";
import { MAX_EXTRA_NEW_TODAY, addNewCardsToday, getUserSettings } from "../data/settings";

/**
 * "Study more new cards today": raises today's new-card limit by `count`, for the user's
 * current study day only (tomorrow the setting applies again).
 */
export const studyMoreNewToday = authedAction(
  z.object({
    count: z
      .number()
      .int("Use a whole number.")
      .min(1, "Add at least 1 card.")
      .max(MAX_EXTRA_NEW_TODAY, `At most ${MAX_EXTRA_NEW_TODAY} more a day.`),
  }),
  async (user, { count }) => {
    const settings = await getUserSettings(user.id);
    const today = studyDayOf(new Date(), settings.timeZone, settings.dayStartHour);
    return { extraNewToday: await addNewCardsToday(user.id, count, today) };
  },
);
