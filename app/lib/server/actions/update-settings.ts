"use server";
import { describeWeightsMigration } from "@/app/lib/domain/scheduling";
import { settingsUpdateSchema } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { serverMessageForReader } from "../i18n/server-message";
import { rescheduleCards } from "../data/reschedule";
import { saveUserSettings, schedulerSettingsOf } from "../data/settings";

/**
 * Saves the signed-in user's scheduling settings. They apply from the next answer on; with
 * `reschedule`, every studied card is also rescheduled now by replaying its log with them
 * (as Anki's "reschedule cards on change"), so a new retention moves the cards already due
 * later or sooner at once. Weights of FSRS-4.5 (17) or FSRS-5 (19) are converted to FSRS-6's 21
 * and the answer says so (`weights`).
 */
export const updateSettings = authedAction(settingsUpdateSchema, async (user, { reschedule, ...input }) => {
  const saved = await saveUserSettings(user.id, input);
  const rescheduled = reschedule ? await rescheduleCards(user.id, schedulerSettingsOf(saved), null, new Date()) : 0;
  const weights =
    input.parameters === undefined
      ? null
      : input.parameters === null
        ? "The default FSRS-6 weights are used."
        : describeWeightsMigration(input.parameters);
  return {
    desiredRetention: saved.desiredRetention,
    timeZone: saved.timeZone,
    rescheduled,
    parameters: saved.parameters,
    // Shown under the form as it is: in the reader's language.
    weights: weights && (await serverMessageForReader(weights)),
  };
});
