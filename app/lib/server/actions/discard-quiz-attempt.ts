"use server";
import { attemptIdSchema } from "@/app/lib/schemas/quiz";
import { quizAction } from "../auth/guard";
import { discardQuizAttempt as discard } from "../data/quiz-attempts";

/** "Discard" beside an unfinished quiz under "Carry on". */
export const discardQuizAttempt = quizAction(attemptIdSchema, async (owner, input) => {
  await discard(owner, input.attemptId);
  return { discarded: input.attemptId };
});
