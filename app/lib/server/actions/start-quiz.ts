"use server";
import { startQuizSchema } from "@/app/lib/schemas/quiz";
import { quizAction } from "../auth/guard";
import { startQuizAttempt } from "../data/quiz-attempts";

/** Starts a quiz for the signed-in user or a guest (who gets a guest-token cookie). */
export const startQuiz = quizAction(startQuizSchema, (owner, input) => startQuizAttempt(owner, input, new Date()), {
  startGuest: true,
});
