"use server";
import { breakRequestSchema } from "@/app/lib/schemas/after-break";
import { authedAction } from "../auth/guard";
import { previewBreak } from "../data/after-break";

/** How many cards "I was away" / "I have time" would move, and the forecast before and after. */
export const previewBreakReschedule = authedAction(breakRequestSchema, (user, input) => previewBreak(user.id, input, new Date()));
