import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { mulberry32 } from "@/app/ui/widgets/prng";
import {
  type Box,
  hungarian,
  matchingCost,
  pairwiseGiou,
  toyScene,
} from "@/app/ui/widgets/detr-matching/core";

/** A rows × cols matrix of uniform samples in [0, 1) from `seed`: random costs for the brute-force checks. */
function uniformMatrix(seed: number, rows: number, cols: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => random()));
}

beforeAll(readyTf);

/** Minimum total over every injective assignment of the smaller side, by enumeration. */
function bruteForce(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  const tall = rows > cols;
  const n = tall ? cols : rows;
  const m = tall ? rows : cols;
  const at = (i: number, j: number) => (tall ? cost[j]?.[i] : cost[i]?.[j]) ?? NaN;
  let best = Infinity;
  const used = new Array<boolean>(m).fill(false);
  const search = (i: number, sum: number) => {
    if (i === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < m; j++) {
      if (used[j]) continue;
      used[j] = true;
      search(i + 1, sum + at(i, j));
      used[j] = false;
    }
  };
  search(0, 0);
  return best;
}

/** GIoU of two (cx, cy, w, h) boxes by hand-written geometry. */
function giou(a: Box, b: Box): number {
  const [ax0, ay0, ax1, ay1] = [a[0] - a[2] / 2, a[1] - a[3] / 2, a[0] + a[2] / 2, a[1] + a[3] / 2];
  const [bx0, by0, bx1, by1] = [b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2];
  const inter =
    Math.max(0, Math.min(ax1, bx1) - Math.max(ax0, bx0)) *
    Math.max(0, Math.min(ay1, by1) - Math.max(ay0, by0));
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  const enclose =
    (Math.max(ax1, bx1) - Math.min(ax0, bx0)) * (Math.max(ay1, by1) - Math.min(ay0, by0));
  return inter / union - (enclose - union) / enclose;
}

describe("Hungarian assignment", () => {
  it("solves a 3×3 example by hand", () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    // Best: row0→col1 (1), row1→col0 (2), row2→col2 (2) = 5.
    const result = hungarian(cost);
    expect(result.pairs).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
    expect(result.cost).toBe(5);
  });

  it("matches brute force over all permutations on random square matrices", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 1 + (seed % 6);
      const cost = uniformMatrix(seed, n, n).map((row) => row.map((v) => v * 10 - 3));
      expect(hungarian(cost).cost).toBeCloseTo(bruteForce(cost), 9);
    }
  });

  it("matches brute force when there are more predictions than objects (N > M)", () => {
    for (let seed = 100; seed < 140; seed++) {
      const m = 1 + (seed % 4);
      const n = m + 1 + (seed % 3);
      const cost = uniformMatrix(seed, n, m);
      const result = hungarian(cost);
      expect(result.pairs).toHaveLength(m);
      expect(new Set(result.pairs.map(([i]) => i)).size).toBe(m);
      expect(new Set(result.pairs.map(([, j]) => j)).size).toBe(m);
      expect(result.cost).toBeCloseTo(bruteForce(cost), 9);
    }
  });

  it("matches brute force on wide matrices (fewer rows than columns)", () => {
    for (let seed = 200; seed < 220; seed++) {
      const cost = uniformMatrix(seed, 2, 5);
      expect(hungarian(cost).cost).toBeCloseTo(bruteForce(cost), 9);
    }
  });
});

describe("matching cost", () => {
  it("gives GIoU 1 for equal boxes and the hand value for disjoint ones", () => {
    const a: Box = [0.25, 0.25, 0.2, 0.2];
    const b: Box = [0.75, 0.25, 0.2, 0.2];
    const g = pairwiseGiou([a], [a, b]);
    expect(g[0]?.[0]).toBeCloseTo(1, 6);
    // Disjoint: IoU 0, union 0.08, enclosing box 0.7 × 0.2 = 0.14 → −(0.14 − 0.08)/0.14.
    expect(g[0]?.[1]).toBeCloseTo(-(0.14 - 0.08) / 0.14, 5);
  });

  it("combines −λ·p(c) + λ·L1 − λ·GIoU exactly as the formula on a seeded scene", () => {
    const { predictions, targets } = toyScene(3, 6, 3, 4);
    const weights = { cls: 1, l1: 5, giou: 2 };
    const cost = matchingCost(predictions, targets, weights);
    predictions.forEach((p, i) => {
      targets.forEach((t, j) => {
        const l1 = p.box.reduce((s, v, k) => s + Math.abs(v - (t.box[k] ?? NaN)), 0);
        const expected =
          -weights.cls * (p.probs[t.label] ?? NaN) +
          weights.l1 * l1 -
          weights.giou * giou(p.box, t.box);
        expect(cost.total[i]?.[j]).toBeCloseTo(expected, 4);
        expect(cost.giou[i]?.[j]).toBeCloseTo(giou(p.box, t.box), 5);
      });
    });
  });

  it("matches each object to its own noisy guess in a seeded scene", () => {
    const { predictions, targets } = toyScene(11, 6, 3, 3);
    const { pairs, cost } = hungarian(matchingCost(predictions, targets).total);
    expect(pairs).toHaveLength(3);
    expect(cost).toBeCloseTo(bruteForce(matchingCost(predictions, targets).total), 6);
    for (const [i, j] of pairs) {
      const [pcx = NaN, pcy = NaN] = predictions[i]?.box ?? [];
      const [tcx = NaN, tcy = NaN] = targets[j]?.box ?? [];
      expect(Math.abs(pcx - tcx) + Math.abs(pcy - tcy)).toBeLessThan(0.2);
    }
  });
});
