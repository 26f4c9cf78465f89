"use server";
import { z } from "zod";
import { authedAction } from "../auth/guard";
import { recommendedSteps } from "../recommended-steps";

/**
 * Learning and relearning steps recommended from the signed-in user's own same-day answers,
 * and how many answers that rests on. Asked for on demand (it reads the whole log); the
 * settings form fills them in and saves them through its own schema.
 */
export const recommendLearningSteps = authedAction(z.object({}).strict(), (user) => recommendedSteps(user.id));
