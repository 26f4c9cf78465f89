/**
 * Quiz domain: scoring every question type, seeded presentation (shuffled choices and items)
 * and quiz assembly. Pure: seeds are passed in, nothing reads a clock or a database.
 */
export * from "./types";
export * from "./errors";
export { scoreAnswer, acceptedShortAnswers } from "./score";
export { normalizeShortAnswer, shortAnswersMatch, parseNumericAnswer } from "./normalize";
export { typeableAnswer, typedAnswerMatches, MAX_TYPED_ANSWER_LENGTH } from "./typed-answer";
export { hashSeed, seededRandom, seededPermutation, shuffle } from "./random";
export { presentQuestion, toOriginalResponse, type PresentedQuestion } from "./present";
export {
  assembleQuiz,
  weakSpotPriority,
  type AssemblableQuestion,
  type AssembleQuizInput,
  type WeakSpotInput,
  type WeakSpotRanking,
} from "./assemble";
export { scoreTrend, type ScoreTrend } from "./trend";
export { fromStoredQuestion, questionSeed } from "./stored";
export {
  beforeProblems,
  beforeScore,
  eitherOrderPairs,
  satisfiedPairs,
  unsolvedOrder,
  type BeforePair,
  type BeforeProblem,
} from "./partial-order";
