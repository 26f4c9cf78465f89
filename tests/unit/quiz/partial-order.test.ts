import { describe, expect, it } from "vitest";
import {
  beforeProblems,
  eitherOrderPairs,
  fromStoredQuestion,
  InvalidQuestionError,
  presentQuestion,
  satisfiedPairs,
  scoreAnswer,
  toOriginalResponse,
  type QuizQuestion,
} from "@/app/lib/domain/quiz";

// "encode query" and "encode key" may come in either order; both precede "compare", which
// precedes "enqueue".
const items = ["encode query", "encode key", "compare", "enqueue"];
const before: [number, number][] = [
  [0, 2],
  [1, 2],
  [2, 3],
];
const partial: QuizQuestion = { type: "ordering", items, before };

describe("beforeProblems", () => {
  it("accepts pairs the listed order satisfies", () => {
    expect(beforeProblems(before, 4)).toEqual([]);
  });

  const cases: [name: string, pairs: number[][], at: number | null, fragment: string][] = [
    ["an empty list", [], null, "at least one"],
    ["an index out of range", [[0, 4]], 0, "0 to 3"],
    ["a negative index", [[-1, 2]], 0, "0 to 3"],
    ["a pair of one item", [[0, 1], [2, 2]], 1, "before itself"],
    ["a repeated pair", [[0, 1], [0, 1]], 1, "twice"],
    ["a pair against the listed order", [[2, 1]], 0, "contradicts the listed order"],
    ["a pair implied by the others", [[0, 1], [1, 3], [0, 3]], 2, "follows from the other pairs (0 before 1 before 3)"],
  ];
  for (const [name, pairs, at, fragment] of cases) {
    it(`rejects ${name}`, () => {
      const problems = beforeProblems(pairs, 4);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.at).toBe(at);
      expect(problems[0]?.message).toContain(fragment);
    });
  }

  it("reports a cycle as a pair against the listed order (listed items can only satisfy acyclic pairs)", () => {
    const problems = beforeProblems([[0, 1], [1, 2], [2, 0]], 3);
    expect(problems.map((p) => p.at)).toEqual([2]);
  });
});

describe("scoring a partial order", () => {
  const score = (order: number[]) => scoreAnswer(partial, order).score;

  it("gives full marks to every order that satisfies all pairs, not only the listed one", () => {
    expect(scoreAnswer(partial, [0, 1, 2, 3])).toEqual({ score: 1, correct: true });
    expect(scoreAnswer(partial, [1, 0, 2, 3])).toEqual({ score: 1, correct: true });
  });

  it("scores the share of pairs kept", () => {
    expect(score([0, 2, 1, 3])).toBeCloseTo(2 / 3); // "encode key" after "compare"
    expect(score([2, 0, 1, 3])).toBeCloseTo(1 / 3);
    expect(score([3, 2, 1, 0])).toBe(0);
  });

  it("keeps scoring by position without before", () => {
    const total: QuizQuestion = { type: "ordering", items };
    expect(scoreAnswer(total, [1, 0, 2, 3]).score).toBe(0.5);
  });

  it("refuses a question whose pairs are invalid", () => {
    const broken: QuizQuestion = { type: "ordering", items, before: [[3, 0]] };
    expect(() => scoreAnswer(broken, [0, 1, 2, 3])).toThrow(InvalidQuestionError);
  });

  it("names the pairs kept and those that may come in either order", () => {
    expect(satisfiedPairs([0, 2, 1, 3], before)).toEqual([true, false, true]);
    expect(eitherOrderPairs(4, before)).toEqual([[0, 1]]);
    // A chain leaves nothing free; unrelated items are free with respect to everything.
    expect(eitherOrderPairs(3, [[0, 1], [1, 2]])).toEqual([]);
    expect(eitherOrderPairs(3, [[0, 1]])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe("presenting a partial order", () => {
  it("never shows an order that already satisfies every pair, and maps answers back", () => {
    for (let i = 0; i < 300; i += 1) {
      const { order } = presentQuestion(partial, `seed-${i}`);
      expect(satisfiedPairs(order, before).every(Boolean)).toBe(false);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      const arrangement = [1, 0, 2, 3].map((original) => order.indexOf(original));
      expect(scoreAnswer(partial, toOriginalResponse(partial, order, arrangement)).score).toBe(1);
    }
  });

  it("carries before through the stored answer, and leaves it out when absent", () => {
    const payload = { type: "ordering", items: ["compare", "encode key", "encode query", "enqueue"] };
    const q = fromStoredQuestion({ id: "q", prompt: "P", payload, answer: { type: "ordering", items, before } });
    expect(q).toMatchObject({ type: "ordering", items, before });
    const total = fromStoredQuestion({ id: "q", prompt: "P", payload, answer: { type: "ordering", items } });
    expect("before" in total).toBe(false);
  });
});
