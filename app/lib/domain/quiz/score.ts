import { InvalidQuestionError, MalformedResponseError } from "./errors";
import { beforeProblems, beforeScore } from "./partial-order";
import { parseNumericAnswer, shortAnswersMatch } from "./normalize";
import type {
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  QuizQuestion,
  ScoreResult,
  ShortQuestion,
  SingleQuestion,
} from "./types";

const EMPTY: ScoreResult = Object.freeze({ score: 0, correct: false });

/**
 * Scores a response (in original indices: see `toOriginalResponse`) against its question.
 * An empty answer (null, undefined, "", whitespace, []) scores 0. A response of the wrong
 * shape for the type throws `MalformedResponseError`. Rules:
 * - single, truefalse: 1 when it is the answer, else 0;
 * - multiple: $$\max\left(0, \frac{\text{right picks} - \text{wrong picks}}{\text{number of right answers}}\right)$$
 * - short: 1 when it matches an accepted answer (`acceptedShortAnswers`: both languages') after
 *   `normalizeShortAnswer`;
 * - numeric: 1 when $$|\text{given} - \text{answer}| \le \text{tolerance}$$ (a few ulps of slack, so
 *   0.9 for 1.0 ± 0.1 counts although 1.0 − 0.9 is 0.09999999999999998 or 0.10000000000000009
 *   in binary floating point); text that is not a number scores 0;
 * - ordering: the share of items in their right position; with `before` (a partial order),
 *   the share of its pairs the order satisfies.
 */
export function scoreAnswer(question: QuizQuestion, response: unknown): ScoreResult {
  if (isEmpty(response)) return EMPTY;
  switch (question.type) {
    case "single":
      return result(scoreSingle(question, response));
    case "multiple":
      return result(scoreMultiple(question, response));
    case "truefalse":
      if (typeof response !== "boolean") {
        throw new MalformedResponseError("truefalse", response, "expected true or false");
      }
      return result(response === question.answer ? 1 : 0);
    case "short":
      return result(scoreShort(question, response));
    case "numeric":
      return result(scoreNumeric(question, response));
    case "ordering":
      return result(scoreOrdering(question, response));
  }
}

function isEmpty(response: unknown): boolean {
  return (
    response === null ||
    response === undefined ||
    (typeof response === "string" && response.trim() === "") ||
    (Array.isArray(response) && response.length === 0)
  );
}

function result(score: number): ScoreResult {
  return { score, correct: score === 1 };
}

function scoreSingle(question: SingleQuestion, response: unknown): number {
  checkIndex(question.key, "answer", question.answer, question.choices.length);
  if (!isIndex(response, question.choices.length)) {
    throw new MalformedResponseError(
      "single",
      response,
      `expected a choice index 0..${question.choices.length - 1}`,
    );
  }
  return response === question.answer ? 1 : 0;
}

function scoreMultiple(question: MultipleQuestion, response: unknown): number {
  const n = question.choices.length;
  if (question.answer.length === 0)
    throw new InvalidQuestionError(question.key, "a multiple question needs a right answer");
  question.answer.forEach((index) => checkIndex(question.key, "answer", index, n));
  const picks = distinctIndices("multiple", response, n);
  const right = new Set(question.answer);
  const rightPicks = picks.filter((index) => right.has(index)).length;
  const wrongPicks = picks.length - rightPicks;
  return Math.max(0, (rightPicks - wrongPicks) / right.size);
}

function scoreShort(question: ShortQuestion, response: unknown): number {
  if (typeof response !== "string")
    throw new MalformedResponseError("short", response, "expected text");
  return acceptedShortAnswers(question).some((expected) => shortAnswersMatch(response, expected)) ? 1 : 0;
}

/**
 * The accepted set of a short question: the English answer and alternatives ∪ the Chinese
 * answer and alternatives. So a Chinese answer is right for the English question when the
 * Chinese edition lists it, and an English answer for the Chinese question (the Chinese edition
 * lists the English answer among its alternatives, and the English ones are accepted anyway).
 */
export function acceptedShortAnswers(question: ShortQuestion): string[] {
  const all = [question.answer, ...(question.alternatives ?? [])];
  if (question.zh) all.push(question.zh.answer, ...(question.zh.alternatives ?? []));
  return [...new Set(all)];
}

function scoreNumeric(question: NumericQuestion, response: unknown): number {
  if (
    !Number.isFinite(question.answer) ||
    !Number.isFinite(question.tolerance) ||
    question.tolerance < 0
  ) {
    throw new InvalidQuestionError(
      question.key,
      "a numeric question needs a finite answer and a tolerance ≥ 0",
    );
  }
  let given: number | null;
  if (typeof response === "number") {
    if (!Number.isFinite(response))
      throw new MalformedResponseError("numeric", response, "expected a finite number");
    given = response;
  } else if (typeof response === "string") {
    given = parseNumericAnswer(response, question.unit);
  } else {
    throw new MalformedResponseError("numeric", response, "expected a number or text");
  }
  if (given === null) return 0;
  const slack =
    8 * Number.EPSILON * Math.max(Math.abs(given), Math.abs(question.answer), question.tolerance);
  return Math.abs(given - question.answer) <= question.tolerance + slack ? 1 : 0;
}

function scoreOrdering(question: OrderingQuestion, response: unknown): number {
  const n = question.items.length;
  if (n === 0) throw new InvalidQuestionError(question.key, "an ordering question needs items");
  const order = distinctIndices("ordering", response, n);
  if (order.length !== n) {
    throw new MalformedResponseError("ordering", response, `expected all ${n} items once each`);
  }
  if (question.before !== undefined) {
    const problem = beforeProblems(question.before, n)[0];
    if (problem) throw new InvalidQuestionError(question.key, problem.message);
    return beforeScore(order, question.before);
  }
  return order.filter((original, position) => original === position).length / n;
}

function distinctIndices(type: string, response: unknown, n: number): number[] {
  if (!Array.isArray(response))
    throw new MalformedResponseError(type, response, "expected a list of indices");
  const seen = new Set<number>();
  for (const index of response) {
    if (!isIndex(index, n))
      throw new MalformedResponseError(type, response, `indices must be 0..${n - 1}`);
    if (seen.has(index))
      throw new MalformedResponseError(type, response, `index ${index} appears twice`);
    seen.add(index);
  }
  return [...seen];
}

function isIndex(value: unknown, n: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < n;
}

function checkIndex(key: string | undefined, field: string, index: number, n: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= n)
    throw new InvalidQuestionError(key, `${field} ${index} is not a choice index 0..${n - 1}`);
}
