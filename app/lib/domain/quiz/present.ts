import { MalformedResponseError } from "./errors";
import { unsolvedOrder } from "./partial-order";
import { seededPermutation } from "./random";
import type { QuestionView, QuizQuestion } from "./types";

export interface PresentedQuestion {
  /** What the user sees: no answer; choices or items in shown order. */
  view: QuestionView;
  /**
   * Server-side only: `order[shownIndex]` is the original index of the choice or item shown
   * there ([] for types without choices). Recomputable from the seed, so need not be stored.
   */
  order: number[];
}

/**
 * The question as shown with this seed (use one per attempt and question, e.g.
 * `${attempt.seed}:${question.key}`): choices of single/multiple and items of ordering are
 * shuffled; an ordering question of 3 or more items is never shown already in the right order
 * (if the shuffle gives the identity, it is rotated by one); with `before`, never in an order
 * that satisfies every pair (the first pair's items swap places).
 */
export function presentQuestion(question: QuizQuestion, seed: string): PresentedQuestion {
  const base = {
    ...(question.key !== undefined ? { key: question.key } : {}),
    ...(question.prompt !== undefined ? { prompt: question.prompt } : {}),
  };
  switch (question.type) {
    case "single":
    case "multiple": {
      const order = seededPermutation(question.choices.length, seed);
      return {
        view: { ...base, type: question.type, choices: pick(question.choices, order) },
        order,
      };
    }
    case "ordering": {
      let order = seededPermutation(question.items.length, seed);
      if (order.length >= 3 && order.every((original, position) => original === position)) {
        order = [...order.slice(1), ...order.slice(0, 1)];
      }
      if (question.before) order = unsolvedOrder(order, (original) => original, question.before);
      return { view: { ...base, type: "ordering", items: pick(question.items, order) }, order };
    }
    case "numeric":
      return {
        view: {
          ...base,
          type: "numeric",
          ...(question.unit !== undefined ? { unit: question.unit } : {}),
        },
        order: [],
      };
    case "truefalse":
    case "short":
      return { view: { ...base, type: question.type }, order: [] };
  }
}

/**
 * Maps a response given in shown indices back to original indices, ready for `scoreAnswer`:
 * single → `order[shown]`; multiple and ordering → each index mapped. Other types and empty
 * answers pass through. Indices outside the shown range throw `MalformedResponseError`.
 */
export function toOriginalResponse(
  question: QuizQuestion,
  order: readonly number[],
  shownResponse: unknown,
): unknown {
  if (shownResponse === null || shownResponse === undefined) return shownResponse;
  switch (question.type) {
    case "single":
      return mapIndex(question.type, order, shownResponse, shownResponse);
    case "multiple":
    case "ordering":
      if (!Array.isArray(shownResponse)) {
        throw new MalformedResponseError(
          question.type,
          shownResponse,
          "expected a list of indices",
        );
      }
      return shownResponse.map((shown: unknown) =>
        mapIndex(question.type, order, shown, shownResponse),
      );
    default:
      return shownResponse;
  }
}

function mapIndex(
  type: string,
  order: readonly number[],
  shown: unknown,
  response: unknown,
): number {
  const original = typeof shown === "number" && Number.isInteger(shown) ? order[shown] : undefined;
  if (original === undefined) {
    throw new MalformedResponseError(
      type,
      response,
      `shown indices must be 0..${order.length - 1}`,
    );
  }
  return original;
}

function pick(values: readonly string[], order: readonly number[]): string[] {
  return order.map((index) => values[index] ?? "");
}
