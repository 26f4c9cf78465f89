"use server";
import { z } from "zod";
import { timeZoneSchema } from "@/app/lib/schemas/settings";
import { authedAction } from "../auth/guard";
import { saveTimeZone } from "../data/settings";

/** Sets the signed-in user's time zone: the answer to "your device is in another zone: switch?". */
export const setTimeZone = authedAction(z.object({ timeZone: timeZoneSchema }), async (user, { timeZone }) => {
  await saveTimeZone(user.id, timeZone);
  return { timeZone };
});
