import { describe, expect, it } from "vitest";

import {
  hashSeed,
  MalformedResponseError,
  presentQuestion,
  scoreAnswer,
  seededPermutation,
  shuffle,
  toOriginalResponse,
  type QuizQuestion,
} from "@/app/lib/domain/quiz";

const sorted = <T>(items: T[]) => [...items].sort();

describe("shuffle", () => {
  const items = Array.from({ length: 20 }, (_, i) => `item-${i}`);

  it("gives the same order for the same seed", () => {
    expect(shuffle(items, "attempt-1")).toEqual(shuffle(items, "attempt-1"));
  });

  it("returns a permutation of the items and leaves the input alone", () => {
    const copy = [...items];
    const shuffled = shuffle(items, "attempt-1");
    expect(sorted(shuffled)).toEqual(sorted(items));
    expect(items).toEqual(copy);
  });

  it("gives different orders for different seeds", () => {
    const orders = new Set(["a", "b", "c", "d", "e"].map((seed) => shuffle(items, seed).join(",")));
    expect(orders.size).toBe(5);
  });

  it("reaches every position: over many seeds each item lands first sometimes", () => {
    const firsts = new Set(
      Array.from({ length: 400 }, (_, i) => shuffle(["a", "b", "c", "d"], `s${i}`)[0]),
    );
    expect(firsts).toEqual(new Set(["a", "b", "c", "d"]));
  });

  it("handles empty and one-item lists and hashes seeds to 32-bit integers", () => {
    expect(shuffle([], "x")).toEqual([]);
    expect(shuffle(["only"], "x")).toEqual(["only"]);
    expect(seededPermutation(5, "x").sort()).toEqual([0, 1, 2, 3, 4]);
    expect(Number.isInteger(hashSeed("anything"))).toBe(true);
    expect(hashSeed("a")).not.toBe(hashSeed("b"));
  });
});

describe("presentQuestion", () => {
  const single: QuizQuestion = {
    type: "single",
    key: "who",
    prompt: "Who?",
    choices: ["A", "B", "C", "D", "E"],
    answer: 3,
  };
  const multiple: QuizQuestion = {
    type: "multiple",
    choices: ["p", "q", "r", "s"],
    answer: [1, 3],
  };
  const orderingItems = ["first", "second", "third", "fourth"];
  const ordering: QuizQuestion = { type: "ordering", items: orderingItems };

  it("shows the choices shuffled without the answer, with a mapping back to the original indices", () => {
    const { view, order } = presentQuestion(single, "seed-1");
    expect(view).toEqual({
      type: "single",
      key: "who",
      prompt: "Who?",
      choices: order.map((i) => single.choices[i]),
    });
    expect(view).not.toHaveProperty("answer");
    expect(sorted(order)).toEqual([0, 1, 2, 3, 4]);
    expect(presentQuestion(single, "seed-1")).toEqual({ view, order });
  });

  it("maps a click on the shown right choice back to the right original index", () => {
    const { order } = presentQuestion(single, "seed-2");
    const shownIndexOfAnswer = order.indexOf(3);
    const original = toOriginalResponse(single, order, shownIndexOfAnswer);
    expect(original).toBe(3);
    expect(scoreAnswer(single, original).correct).toBe(true);
  });

  it("maps multiple picks back to original indices", () => {
    const { order } = presentQuestion(multiple, "seed-3");
    const shownPicks = [order.indexOf(3), order.indexOf(1)];
    expect(scoreAnswer(multiple, toOriginalResponse(multiple, order, shownPicks)).score).toBe(1);
  });

  it("never shows an ordering question of three or more items in the right order", () => {
    for (let i = 0; i < 300; i += 1) {
      for (const items of [["x", "y", "z"], orderingItems]) {
        const q: QuizQuestion = { type: "ordering", items };
        const { view, order } = presentQuestion(q, `seed-${i}`);
        expect(order.some((original, position) => original !== position)).toBe(true);
        expect(view.type === "ordering" && sorted(view.items)).toEqual(sorted(items));
      }
    }
  });

  it("maps an arrangement of the shown items back so the right arrangement scores 1", () => {
    const { order } = presentQuestion(ordering, "seed-4");
    // The user drags the shown items into the right order: position p holds the shown index of item p.
    const arrangement = [0, 1, 2, 3].map((original) => order.indexOf(original));
    expect(scoreAnswer(ordering, toOriginalResponse(ordering, order, arrangement)).score).toBe(1);
  });

  it("passes through types without choices and empty answers", () => {
    const numeric: QuizQuestion = { type: "numeric", answer: 3, tolerance: 0, unit: "layers" };
    expect(presentQuestion(numeric, "s")).toEqual({
      view: { type: "numeric", unit: "layers" },
      order: [],
    });
    expect(presentQuestion({ type: "truefalse", answer: true }, "s").view).toEqual({
      type: "truefalse",
    });
    expect(toOriginalResponse(numeric, [], "3")).toBe("3");
    expect(toOriginalResponse(single, [4, 3, 2, 1, 0], null)).toBeNull();
  });

  it("throws a named error for a shown index that was not shown", () => {
    const { order } = presentQuestion(single, "seed-5");
    expect(() => toOriginalResponse(single, order, 7)).toThrow(MalformedResponseError);
    expect(() => toOriginalResponse(multiple, [0, 1, 2, 3], "1")).toThrow(MalformedResponseError);
  });
});
