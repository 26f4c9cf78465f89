"use server";
import { attemptIdSchema } from "@/app/lib/schemas/quiz";
import { publicAction } from "../auth/guard";
import { retakeMissedQuestions as retake } from "../data/quiz-attempts";
import { currentQuizOwner } from "../data/quiz-owner";
import { NotFoundError } from "../errors";

/** "Retake the ones I missed": a new attempt with the finished attempt's missed questions. */
export const retakeMissedQuestions = publicAction(attemptIdSchema, async (input) => {
  const owner = await currentQuizOwner({ canWriteCookies: true });
  if (!owner) throw new NotFoundError("There is no such quiz.");
  return retake(owner, input.attemptId, new Date());
});
