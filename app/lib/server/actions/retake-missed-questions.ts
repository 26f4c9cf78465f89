"use server";
import { attemptIdSchema } from "@/app/lib/schemas/quiz";
import { quizAction } from "../auth/guard";
import { retakeMissedQuestions as retake } from "../data/quiz-attempts";

/** "Retake the ones I missed": a new attempt with the finished attempt's missed questions. */
export const retakeMissedQuestions = quizAction(attemptIdSchema, (owner, input) => retake(owner, input.attemptId, new Date()));
