/**
 * Quiz attempts, one file per part (each file's own comment says what it holds):
 * quiz-attempt-owner.ts (who owns an attempt, its scope and seed), quiz-attempt-start.ts,
 * quiz-attempt-view.ts, quiz-attempt-answer.ts and quiz-guest-attempts.ts. Re-exported here so
 * the pages, routes, actions and guards import one name as before.
 */
export { newSeed, parseScope, quizKeyOf, quizOwnerWhere, type QuizOwner } from "./quiz-attempt-owner";
export { retakeMissedQuestions, startQuizAttempt, type StartedQuiz } from "./quiz-attempt-start";
export { getAttemptView, type AttemptView } from "./quiz-attempt-view";
export { answerQuizQuestion, type AnswerOutcome } from "./quiz-attempt-answer";
export { claimGuestAttempts, discardQuizAttempt } from "./quiz-guest-attempts";
