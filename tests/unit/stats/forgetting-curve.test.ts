import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import { forgettingCurve, StatsInputError } from "@/app/lib/domain/stats";

describe("forgettingCurve", () => {
  it("starts at 1 and falls to 0.9 after exactly S days", () => {
    const curve = forgettingCurve(null, 5, 10);
    expect(curve).toHaveLength(11);
    expect(curve[0]).toEqual({ day: 0, retention: 1 });
    expect(curve[5]?.retention).toBeCloseTo(0.9, 7);
    for (let i = 1; i < curve.length; i += 1) {
      expect(curve[i]?.retention).toBeLessThan(curve[i - 1]?.retention ?? 0);
    }
  });

  it("matches the FSRS-6 formula by hand with the default decay 0.1542", () => {
    // factor = 0.9^(−1/0.1542) − 1 = 0.98034649; R(10, S = 5) = (1 + 0.98034649 · 2)^(−0.1542) = 0.84588465.
    const curve = forgettingCurve(null, 5, 10);
    expect(curve[10]?.retention).toBeCloseTo(0.84588465, 6);
    // R(t = 1, S = 2) = (1 + 0.98034649 · 0.5)^(−0.1542) = 0.94034429.
    expect(forgettingCurve(null, 2, 1)[1]?.retention).toBeCloseTo(0.94034429, 6);
  });

  it("uses the decay of the given weights (FSRS-5's 0.5)", () => {
    // factor = 0.9^(−2) − 1 = 0.23456790; R(10, S = 5) = (1 + 0.4691358)^(−0.5) = 0.82502865.
    const weights = default_w.map((w, i) => (i === 20 ? 0.5 : w));
    expect(forgettingCurve(weights, 5, 10)[10]?.retention).toBeCloseTo(0.82502865, 6);
  });

  it("rejects a non-positive stability or a negative horizon with a named error", () => {
    expect(() => forgettingCurve(null, 0, 10)).toThrow(StatsInputError);
    expect(() => forgettingCurve(null, 5, -1)).toThrow(StatsInputError);
  });
});
