"use server";
import { z } from "zod";
import { studyDayOf } from "@/app/lib/domain/scheduling";
import { storableText } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { allowNoteNewToday } from "../data/note-new-allowance";
import { MAX_EXTRA_NEW_TODAY, addNewCardsToday, getUserSettings } from "../data/settings";

/**
 * "Study more new cards today": raises today's new-card limit by `count`, for the user's
 * current study day only (tomorrow the setting applies again). With `paper` (a note's session's
 * "study them anyway"), only that note's new cards: the day's limit for other notes stays.
 */
export const studyMoreNewToday = authedAction(
  z.object({
    count: z
      .number()
      .int("Use a whole number.")
      .min(1, "Add at least 1 card.")
      .max(MAX_EXTRA_NEW_TODAY, `At most ${MAX_EXTRA_NEW_TODAY} more a day.`),
    paper: storableText(200, 1).optional(),
  }),
  async (user, { count, paper }) => {
    const settings = await getUserSettings(user.id);
    const now = new Date();
    if (paper) return { extraNewToday: await allowNoteNewToday(user.id, settings, paper, count, now) };
    const today = studyDayOf(now, settings.timeZone, settings.dayStartHour);
    return { extraNewToday: await addNewCardsToday(user.id, count, today) };
  },
);
