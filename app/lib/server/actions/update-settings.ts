"use server";
import { settingsSchema } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { saveUserSettings } from "../data/settings";

/** Saves the signed-in user's scheduling settings (they apply from the next answer on). */
export const updateSettings = authedAction(settingsSchema, async (user, input) => {
  const saved = await saveUserSettings(user.id, input);
  return { desiredRetention: saved.desiredRetention, timeZone: saved.timeZone };
});
