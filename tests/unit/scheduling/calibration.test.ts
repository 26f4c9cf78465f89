import { describe, expect, it } from "vitest";
import { calibrationBins, calibrationGap, predictLastReview, type HistoryReview } from "@/app/lib/domain/scheduling";

// FSRS-6's default weights, written out so that the expected values below are computed from
// the published formulas and not from the code under test.
const W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
  1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];
const decay = W[20]!;
const factor = 0.9 ** (-1 / decay) - 1;
/** FSRS-6's forgetting curve, R(t, S) = (1 + factor·t/S)^(−decay). */
const recall = (t: number, s: number) => (1 + (factor * t) / s) ** -decay;

// ts-fsrs rounds R and S to 8 decimals: compared to 7.
const h = (...reviews: [HistoryReview["rating"], number][]): HistoryReview[] => reviews.map(([rating, deltaT]) => ({ rating, deltaT }));

describe("predictLastReview", () => {
  it("predicts a review three days after a first Good from the initial stability w2", () => {
    const prediction = predictLastReview(h([3, 0], [3, 3]), W, true);
    expect(prediction?.recalled).toBe(1);
    expect(prediction?.predicted).toBeCloseTo(recall(3, 2.3065), 7);
    expect(prediction?.predicted).toBeCloseTo(0.880948, 5);
  });

  it("counts Again as forgotten and starts a first Again from w0", () => {
    const prediction = predictLastReview(h([1, 0], [1, 2]), W, true);
    expect(prediction?.recalled).toBe(0);
    expect(prediction?.predicted).toBeCloseTo(0.698483, 5);
  });

  it("lets a same-day Easy raise stability with short-term memory on, and ignores it in long-term-only mode", () => {
    // Short-term: S' = S·max(1, e^{w17(G−3+w18)}·S^{−w19}) with G = 4.
    const s = 2.3065 * Math.max(1, Math.exp(W[17]! * (1 + W[18]!)) * 2.3065 ** -W[19]!);
    expect(s).toBeCloseTo(3.946054, 5);
    expect(predictLastReview(h([3, 0], [4, 0], [1, 5]), W, true)?.predicted).toBeCloseTo(recall(5, s), 7);
    expect(predictLastReview(h([3, 0], [4, 0], [1, 5]), W, false)?.predicted).toBeCloseTo(recall(5, 2.3065), 7);
  });

  it("predicts nothing for a first answer or a same-day review", () => {
    expect(predictLastReview(h([3, 0]), W, true)).toBeNull();
    expect(predictLastReview(h([3, 0], [3, 0]), W, true)).toBeNull();
    expect(predictLastReview([], W, true)).toBeNull();
  });
});

describe("calibrationBins", () => {
  it("bins by predicted recall, averages each bin and leaves empty bins out", () => {
    const bins = calibrationBins(
      [
        { predicted: 0.92, recalled: 1 },
        { predicted: 0.98, recalled: 0 },
        { predicted: 1, recalled: 1 },
        { predicted: 0.55, recalled: 1 },
        { predicted: 0.05, recalled: 0 },
      ],
      4,
    );
    expect(bins.slice(0, 2)).toEqual([
      { from: 0, to: 0.25, count: 1, predicted: 0.05, observed: 0 },
      { from: 0.5, to: 0.75, count: 1, predicted: 0.55, observed: 1 },
    ]);
    // 1 goes into the last bin; (0.92 + 0.98 + 1) / 3 and 2 of 3 recalled.
    expect(bins).toHaveLength(3);
    expect(bins[2]).toMatchObject({ from: 0.75, to: 1, count: 3 });
    expect(bins[2]!.predicted).toBeCloseTo(2.9 / 3, 12);
    expect(bins[2]!.observed).toBeCloseTo(2 / 3, 12);
  });

  it("refuses a bin count that is not a positive integer", () => {
    expect(() => calibrationBins([], 0)).toThrow(RangeError);
    expect(() => calibrationBins([], 2.5)).toThrow(RangeError);
  });
});

describe("calibrationGap", () => {
  it("is the count-weighted RMS gap between the bins' predicted and observed recall", () => {
    const bins = [
      { from: 0.5, to: 0.6, count: 1, predicted: 0.55, observed: 1 },
      { from: 0.9, to: 1, count: 3, predicted: 0.9, observed: 0.6 },
    ];
    // sqrt((1·0.45² + 3·0.3²) / 4) = sqrt((0.2025 + 0.27) / 4)
    expect(calibrationGap(bins)).toBeCloseTo(Math.sqrt(0.4725 / 4), 12);
    expect(calibrationGap([])).toBeNull();
  });
});
