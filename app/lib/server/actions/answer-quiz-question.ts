"use server";
import { answerQuizQuestionSchema } from "@/app/lib/schemas/quiz";
import { publicAction } from "../auth/guard";
import { answerQuizQuestion as answer } from "../data/quiz-attempts";
import { currentQuizOwner } from "../data/quiz-owner";
import { NotFoundError } from "../errors";

/** Scores one answer on the server; only the attempt's owner (user or guest token) may answer. */
export const answerQuizQuestion = publicAction(answerQuizQuestionSchema, async (input) => {
  const owner = await currentQuizOwner({ canWriteCookies: true });
  if (!owner) throw new NotFoundError("There is no such quiz.");
  return answer(owner, input, new Date());
});
