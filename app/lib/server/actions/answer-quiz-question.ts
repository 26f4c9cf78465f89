"use server";
import { answerQuizQuestionSchema } from "@/app/lib/schemas/quiz";
import { quizAction } from "../auth/guard";
import { answerQuizQuestion as answer } from "../data/quiz-attempts";

/** Scores one answer on the server; only the attempt's owner (user or guest token) may answer. */
export const answerQuizQuestion = quizAction(answerQuizQuestionSchema, (owner, input) => answer(owner, input, new Date()));
