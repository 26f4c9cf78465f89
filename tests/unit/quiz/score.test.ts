import { describe, expect, it } from "vitest";

import {
  InvalidQuestionError,
  MalformedResponseError,
  normalizeShortAnswer,
  parseNumericAnswer,
  scoreAnswer,
  type QuizQuestion,
} from "@/app/lib/domain/quiz";

const single: QuizQuestion = {
  type: "single",
  choices: ["SimCLR", "MoCo", "BYOL", "CLIP"],
  answer: 1,
};
const multiple: QuizQuestion = {
  type: "multiple",
  choices: ["a", "b", "c", "d", "e"],
  answer: [0, 2, 4],
};
const truefalse: QuizQuestion = { type: "truefalse", answer: false };
const short: QuizQuestion = {
  type: "short",
  answer: "Layer Normalization",
  alternatives: ["LayerNorm", "layer normalisation"],
};
const numeric: QuizQuestion = { type: "numeric", answer: 0.999, tolerance: 0.0001 };
const ordering: QuizQuestion = {
  type: "ordering",
  items: ["embed", "attend", "feed forward", "normalise"],
};

const score = (question: QuizQuestion, response: unknown) => scoreAnswer(question, response).score;

describe("scoreAnswer", () => {
  describe("single", () => {
    it("gives 1 for the right choice and 0 for another", () => {
      expect(scoreAnswer(single, 1)).toEqual({ score: 1, correct: true });
      expect(scoreAnswer(single, 2)).toEqual({ score: 0, correct: false });
    });

    it("throws a named error for an index outside the choices or a string", () => {
      expect(() => scoreAnswer(single, 4)).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(single, "1")).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(single, 1.5)).toThrow(MalformedResponseError);
    });
  });

  describe("multiple", () => {
    const table: [picks: number[], expected: number][] = [
      [[0, 2, 4], 1],
      [[4, 0, 2], 1],
      [[0, 2], 2 / 3],
      [[0], 1 / 3],
      [[0, 2, 1], 1 / 3], // 2 right − 1 wrong over 3
      [[0, 1], 0],
      [[0, 1, 3], 0], // floored at 0
      [[0, 1, 2, 3, 4], 1 / 3], // picking everything is not a strategy
    ];
    for (const [picks, expected] of table) {
      it(`gives ${expected.toFixed(3)} for picks ${JSON.stringify(picks)}`, () => {
        expect(score(multiple, picks)).toBeCloseTo(expected, 10);
        expect(scoreAnswer(multiple, picks).correct).toBe(expected === 1);
      });
    }

    it("throws a named error for a repeated index or a non-list", () => {
      expect(() => scoreAnswer(multiple, [0, 0, 2])).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(multiple, 0)).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(multiple, [0, 5])).toThrow(MalformedResponseError);
    });
  });

  describe("truefalse", () => {
    it("gives 1 for the right boolean only", () => {
      expect(score(truefalse, false)).toBe(1);
      expect(score(truefalse, true)).toBe(0);
      expect(() => scoreAnswer(truefalse, "false")).toThrow(MalformedResponseError);
    });
  });

  describe("short", () => {
    const table: [response: string, expected: number][] = [
      ["Layer Normalization", 1],
      ["  layer   normalization  ", 1], // extra spaces
      ["LAYER NORMALIZATION.", 1], // case and punctuation
      ["the layer normalization", 1], // leading article
      ["a LayerNorm", 1], // alternative, with article
      ["layer normalisation", 1], // alternative spelling
      ["layer-norm", 1], // punctuation inside, compared without spaces
      ["Láyer Nörmalization", 1], // accents
      ["batch normalization", 0],
      ["layer", 0],
    ];
    for (const [response, expected] of table) {
      it(`gives ${expected} for ${JSON.stringify(response)}`, () => {
        expect(score(short, response)).toBe(expected);
      });
    }

    it("keeps a one-letter answer that looks like an article", () => {
      expect(score({ type: "short", answer: "a" }, "A")).toBe(1);
      expect(normalizeShortAnswer("The")).toBe("the");
      expect(normalizeShortAnswer("  The Transformer-XL! ")).toBe("transformer xl");
    });

    it("throws a named error for a response that is not text", () => {
      expect(() => scoreAnswer(short, 42)).toThrow(MalformedResponseError);
    });
  });

  describe("numeric", () => {
    const table: [response: string | number, expected: number][] = [
      [0.999, 1],
      ["0.999", 1],
      [" 0.999 ", 1],
      ["0.9991", 1], // exactly at the tolerance's edge
      ["0.9989", 1], // exactly at the other edge
      ["0.99911", 0], // just beyond
      ["0.99889", 0],
      ["9.99e-1", 1],
      ["1", 0],
      ["about one", 0],
    ];
    for (const [response, expected] of table) {
      it(`gives ${expected} for ${JSON.stringify(response)} against 0.999 ± 0.0001`, () => {
        expect(score(numeric, response)).toBe(expected);
      });
    }

    it("accepts thousands separators, exponents and the unit", () => {
      const queue: QuizQuestion = { type: "numeric", answer: 65536, tolerance: 0, unit: "keys" };
      for (const response of ["65536", "65,536", "65 536", "6.5536e4", "65536 keys", 65536]) {
        expect(score(queue, response)).toBe(1);
      }
      const thousand: QuizQuestion = { type: "numeric", answer: 1000, tolerance: 0.5 };
      for (const response of ["1,000", "1e3", "1E3", "+1000.0", "1000."])
        expect(score(thousand, response)).toBe(1);
      expect(score(thousand, "1,00")).toBe(0);
      expect(score({ type: "numeric", answer: -2.5, tolerance: 0 }, "−2.5")).toBe(1);
    });

    it("counts an answer exactly at the edge despite binary floating point", () => {
      const q: QuizQuestion = { type: "numeric", answer: 1.1, tolerance: 0.1 };
      expect(1.1 - 1.0).toBeGreaterThan(0.1); // 0.10000000000000009
      expect(score(q, "1.0")).toBe(1);
      expect(score(q, "1.2")).toBe(1);
      expect(score(q, "0.99")).toBe(0);
      expect(score(q, "1.21")).toBe(0);
    });

    it("throws a named error for a non-finite number or a list", () => {
      expect(() => scoreAnswer(numeric, Number.NaN)).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(numeric, [1])).toThrow(MalformedResponseError);
      expect(parseNumericAnswer("1,5")).toBeNull();
    });
  });

  describe("ordering", () => {
    const table: [order: number[], expected: number][] = [
      [[0, 1, 2, 3], 1],
      [[1, 0, 2, 3], 0.5], // two swapped
      [[3, 0, 1, 2], 0], // everything off by one
      [[0, 2, 3, 1], 0.25], // one item moved to the end: only the first stays
      [[3, 2, 1, 0], 0],
    ];
    for (const [order, expected] of table) {
      it(`gives ${expected} for ${JSON.stringify(order)}`, () => {
        expect(score(ordering, order)).toBe(expected);
      });
    }

    it("throws a named error when an item is missing or repeated", () => {
      expect(() => scoreAnswer(ordering, [0, 1, 2])).toThrow(MalformedResponseError);
      expect(() => scoreAnswer(ordering, [0, 1, 1, 3])).toThrow(MalformedResponseError);
    });
  });

  describe("empty answers", () => {
    const cases: [QuizQuestion, unknown][] = [
      [single, null],
      [multiple, []],
      [truefalse, undefined],
      [short, "   "],
      [numeric, ""],
      [ordering, []],
    ];
    for (const [question, response] of cases) {
      it(`score 0 without an error for ${question.type} given ${JSON.stringify(response) ?? "undefined"}`, () => {
        expect(scoreAnswer(question, response)).toEqual({ score: 0, correct: false });
      });
    }
  });

  it("names a question whose answer is not one of its choices", () => {
    const broken: QuizQuestion = { type: "single", key: "broken", choices: ["a", "b"], answer: 2 };
    expect(() => scoreAnswer(broken, 0)).toThrow(InvalidQuestionError);
    expect(() => scoreAnswer(broken, 0)).toThrow(/broken/);
  });

  it("gives malformed responses an error with its name set", () => {
    try {
      scoreAnswer(single, { pick: 1 });
      expect.fail("should have thrown");
    } catch (error) {
      expect(error).toMatchObject({ name: "MalformedResponseError", questionType: "single" });
    }
  });
});
