import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { infoNce, l2Normalize, toyContrastiveBatch } from "@/app/ui/widgets/infonce-queue/core";

beforeAll(readyTf);

const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((s, v, i) => s + v * (b[i] ?? NaN), 0);

/** −log softmax(ℓ)₀ by a direct, max-shifted log-sum-exp. */
function directLoss(q: number[], kPos: number[], kNeg: number[][], tau: number): number {
  const logits = [dot(q, kPos), ...kNeg.map((k) => dot(q, k))].map((s) => s / tau);
  const max = Math.max(...logits);
  const lse = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
  return lse - (logits[0] ?? NaN);
}

describe("InfoNCE", () => {
  it("matches the hand value for a two-key example", () => {
    // q·k₊ = 1, q·k₁ = 0, τ = 1: loss = log(e + 1) − 1.
    const result = infoNce([1, 0], [1, 0], [[0, 1]], 1);
    expect(result.loss).toBeCloseTo(Math.log(Math.E + 1) - 1, 6);
    expect(result.probs[0]).toBeCloseTo(Math.E / (Math.E + 1), 6);
  });

  it("matches a direct log-sum-exp on seeded embeddings for several temperatures", () => {
    const { query, positive, negatives } = toyContrastiveBatch(9, 32, 0.8);
    for (const tau of [0.05, 0.07, 0.2, 1]) {
      const result = infoNce(query, positive, negatives, tau);
      expect(result.loss).toBeCloseTo(directLoss(query, positive, negatives, tau), 3);
      expect(result.logits[1]).toBeCloseTo(dot(query, negatives[0] ?? []) / tau, 4);
      expect(result.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it("is log(K + 1) when the query is equally similar to every key", () => {
    const q = [0, 0, 1];
    const k = [1, 0, 0];
    const result = infoNce(q, k, [k, k, k, k], 0.07);
    expect(result.loss).toBeCloseTo(Math.log(5), 5);
  });

  it("produces unit vectors with the positive closer to the query than the average negative", () => {
    const { query, positive, negatives } = toyContrastiveBatch(2, 50, 0.3);
    expect(dot(query, query)).toBeCloseTo(1, 5);
    expect(dot(positive, positive)).toBeCloseTo(1, 5);
    const meanNegative = negatives.reduce((s, k) => s + dot(query, k), 0) / negatives.length;
    expect(dot(query, positive)).toBeGreaterThan(meanNegative + 0.5);
  });

  it("normalises rows to unit length", () => {
    const [row = []] = l2Normalize([[3, 4]]);
    expect(row[0]).toBeCloseTo(0.6, 6);
    expect(row[1]).toBeCloseTo(0.8, 6);
  });

  it("rejects a temperature of zero", () => {
    expect(() => infoNce([1], [1], [[1]], 0)).toThrow(/temperature/);
  });
});
