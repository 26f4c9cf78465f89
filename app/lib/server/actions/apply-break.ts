"use server";
import { breakRequestSchema } from "@/app/lib/schemas/after-break";
import { authedAction } from "../auth/guard";
import { applyBreak } from "../data/after-break";

/** Moves the cards "I was away" / "I have time" previewed (each logged as a reschedule). */
export const applyBreakReschedule = authedAction(breakRequestSchema, (user, input) => applyBreak(user.id, input, new Date()));
