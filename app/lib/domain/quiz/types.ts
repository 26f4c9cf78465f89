/**
 * Quiz questions as scoring sees them: the fields of a `quiz` block (docs/content-format.md),
 * answer included. Only the server holds these; users get a `QuestionView`.
 */

export const QUESTION_TYPES = [
  "single",
  "multiple",
  "truefalse",
  "short",
  "numeric",
  "ordering",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

interface QuestionBase {
  key?: string;
  prompt?: string;
}

export interface SingleQuestion extends QuestionBase {
  type: "single";
  choices: readonly string[];
  /** 0-based index of the right choice. */
  answer: number;
}

export interface MultipleQuestion extends QuestionBase {
  type: "multiple";
  choices: readonly string[];
  /** 0-based indices of the right choices (at least one). */
  answer: readonly number[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: "truefalse";
  answer: boolean;
}

export interface ShortQuestion extends QuestionBase {
  type: "short";
  answer: string;
  alternatives?: readonly string[];
  /**
   * The Chinese edition's answer and alternatives (docs/translation.md): accepted in either
   * language, whichever language the question is shown in (see `acceptedShortAnswers`).
   */
  zh?: { answer: string; alternatives?: readonly string[] };
}

export interface NumericQuestion extends QuestionBase {
  type: "numeric";
  answer: number;
  /** Absolute tolerance, ≥ 0. */
  tolerance: number;
  unit?: string;
}

export interface OrderingQuestion extends QuestionBase {
  type: "ordering";
  /** The items in the right order (with `before`: in one right order). */
  items: readonly string[];
  /**
   * Partial order: `[i, j]` pairs, item i before item j. When given, only these are scored
   * (the share satisfied); without it the order of `items` is the only right one.
   */
  before?: readonly (readonly [number, number])[];
}

export type QuizQuestion =
  | SingleQuestion
  | MultipleQuestion
  | TrueFalseQuestion
  | ShortQuestion
  | NumericQuestion
  | OrderingQuestion;

/**
 * Responses in original indices, per type (null, undefined, "", [] mean "no answer"):
 * single: the chosen index; multiple: the chosen indices; truefalse: a boolean;
 * short: the typed text; numeric: a number or the typed text ("1,000", "1e3");
 * ordering: the original item indices in the order the user put them.
 */
export type QuizResponse = number | readonly number[] | boolean | string | null | undefined;

export interface ScoreResult {
  /** 0..1; partial credit for multiple and ordering. */
  score: number;
  /** score === 1. */
  correct: boolean;
}

/** What the user is shown: no answer, choices and items in presentation order. */
export type QuestionView =
  | (QuestionBase & { type: "single" | "multiple"; choices: string[] })
  | (QuestionBase & { type: "truefalse" | "short" })
  | (QuestionBase & { type: "numeric"; unit?: string })
  | (QuestionBase & { type: "ordering"; items: string[] });
