import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import {
  allowedPairs,
  attentionWeights,
  tokenize,
  toyScores,
} from "@/app/ui/widgets/attention-masks/core";

beforeAll(readyTf);

/** Softmax over the allowed entries of one row, by plain loops. */
function maskedSoftmax(row: number[], allowed: (j: number) => boolean): number[] {
  let max = -Infinity;
  row.forEach((s, j) => {
    if (allowed(j)) max = Math.max(max, s);
  });
  const exps = row.map((s, j) => (allowed(j) ? Math.exp(s - max) : 0));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

describe("attention masks", () => {
  const scores = [
    [1, 2, 0.5],
    [0, -1, 3],
    [2, 2, 2],
  ];

  it("computes the bidirectional weights as a plain softmax of each row", () => {
    const weights = attentionWeights(scores, "bidirectional");
    scores.forEach((row, i) => {
      const expected = maskedSoftmax(row, () => true);
      expected.forEach((w, j) => expect(weights[i]?.[j]).toBeCloseTo(w, 6));
    });
    // Row 3 has equal scores: uniform weights of 1/3.
    expect(weights[2]?.[0]).toBeCloseTo(1 / 3, 6);
  });

  it("gives exactly zero weight to later tokens under the causal mask", () => {
    const weights = attentionWeights(scores, "causal");
    expect(weights[0]).toEqual([1, 0, 0]);
    expect(weights[1]?.[2]).toBe(0);
    // Row 2 sees scores 0 and −1: e⁰ / (e⁰ + e⁻¹).
    expect(weights[1]?.[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
  });

  it("matches a masked softmax by loops on seeded random scores, rows summing to one", () => {
    const random = toyScores(6, 42);
    const weights = attentionWeights(random, "causal");
    random.forEach((row, i) => {
      const expected = maskedSoftmax(row, (j) => j <= i);
      expected.forEach((w, j) => expect(weights[i]?.[j]).toBeCloseTo(w, 5));
      expect((weights[i] ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
  });

  it("draws the same scores for the same seed and different ones for another seed", () => {
    expect(toyScores(4, 3)).toEqual(toyScores(4, 3));
    expect(toyScores(4, 3)[0]?.[0]).not.toBeCloseTo(toyScores(4, 4)[0]?.[0] ?? NaN, 3);
  });

  it("counts n² pairs for BERT and n(n+1)/2 for GPT", () => {
    expect(allowedPairs(6, "bidirectional")).toBe(36);
    expect(allowedPairs(6, "causal")).toBe(21);
  });

  it("splits a sentence on whitespace and keeps at most eight tokens", () => {
    expect(tokenize("  the  cat sat ")).toEqual(["the", "cat", "sat"]);
    expect(tokenize("a b c d e f g h i j")).toHaveLength(8);
  });
});
