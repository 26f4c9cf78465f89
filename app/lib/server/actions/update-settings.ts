"use server";
import { settingsUpdateSchema } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { rescheduleCards } from "../data/review-csv";
import { saveUserSettings, schedulerSettingsOf } from "../data/settings";

/**
 * Saves the signed-in user's scheduling settings. They apply from the next answer on; with
 * `reschedule`, every studied card is also rescheduled now by replaying its log with them
 * (as Anki's "reschedule cards on change"), so a new retention moves the cards already due
 * later or sooner at once.
 */
export const updateSettings = authedAction(settingsUpdateSchema, async (user, { reschedule, ...input }) => {
  const saved = await saveUserSettings(user.id, input);
  const rescheduled = reschedule ? await rescheduleCards(user.id, schedulerSettingsOf(saved), null, new Date()) : 0;
  return { desiredRetention: saved.desiredRetention, timeZone: saved.timeZone, rescheduled };
});
