import { describe, expect, it } from "vitest";

import {
  DEFAULT_SCHEDULER_SETTINGS,
  effectiveWeights,
  estimateDailyWorkload,
  SchedulingInputError,
} from "@/app/lib/domain/scheduling";

describe("estimateDailyWorkload", () => {
  it("gives the same estimate on every call", () => {
    expect(estimateDailyWorkload(0.9, 500)).toEqual(estimateDailyWorkload(0.9, 500));
  });

  it("costs more reviews as the desired retention rises", () => {
    const perCard = [0.8, 0.85, 0.9, 0.95, 0.99].map(
      (r) => estimateDailyWorkload(r, 1000).reviewsPerCardPerDay,
    );
    for (let i = 1; i < perCard.length; i += 1) {
      expect(perCard[i]).toBeGreaterThan(perCard[i - 1] ?? Infinity);
    }
  });

  it("scales with the number of cards and is a plausible order of magnitude", () => {
    const one = estimateDailyWorkload(0.9, 1);
    const many = estimateDailyWorkload(0.9, 2000);
    expect(many.reviewsPerDay).toBeCloseTo(one.reviewsPerCardPerDay * 2000, 0);
    expect(estimateDailyWorkload(0.9, 0).reviewsPerDay).toBe(0);
    // Between one review a card every 10 days and one every 100 days, averaged over a year.
    expect(one.reviewsPerCardPerDay).toBeGreaterThan(0.01);
    expect(one.reviewsPerCardPerDay).toBeLessThan(0.1);
    expect(one.horizonDays).toBe(365);
  });

  it("follows the user's own weights: longer initial stabilities mean fewer reviews", () => {
    const weights = [...effectiveWeights(null)];
    // w0..w3 are the initial stabilities after again/hard/good/easy: five times longer here.
    for (let i = 0; i < 4; i += 1) weights[i] = (weights[i] ?? 0) * 5;
    const personal = { ...DEFAULT_SCHEDULER_SETTINGS, parameters: weights };
    const mine = estimateDailyWorkload(0.9, 1, personal).reviewsPerCardPerDay;
    const standard = estimateDailyWorkload(0.9, 1).reviewsPerCardPerDay;
    expect(mine).toBeLessThan(standard);
    expect(estimateDailyWorkload(0.9, 1, DEFAULT_SCHEDULER_SETTINGS).reviewsPerCardPerDay).toBe(standard);
  });

  it("rejects a retention outside 0.70..0.99 and a fractional card count", () => {
    expect(() => estimateDailyWorkload(0.5, 10)).toThrow(SchedulingInputError);
    expect(() => estimateDailyWorkload(0.9, 1.5)).toThrow(SchedulingInputError);
  });
});
