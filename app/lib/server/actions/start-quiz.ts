"use server";
import { startQuizSchema } from "@/app/lib/schemas/quiz";
import { publicAction } from "../auth/guard";
import { startQuizAttempt } from "../data/quiz-attempts";
import { currentQuizOwner } from "../data/quiz-owner";
import { BadRequestError } from "../errors";

/** Starts a quiz for the signed-in user or a guest (who gets a guest-token cookie). */
export const startQuiz = publicAction(startQuizSchema, async (input) => {
  const owner = await currentQuizOwner({ create: true, canWriteCookies: true });
  if (!owner) throw new BadRequestError("Could not start a quiz.");
  return startQuizAttempt(owner, input, new Date());
});
