import { describe, expect, it } from "vitest";
import { scoreTrend } from "@/app/lib/domain/quiz";

describe("scoreTrend", () => {
  it("is flat with fewer than two scores", () => {
    expect(scoreTrend([])).toEqual({ slope: 0, change: 0, direction: "flat" });
    expect(scoreTrend([0.7])).toEqual({ slope: 0, change: 0, direction: "flat" });
  });

  it("rises by the least-squares slope when scores improve", () => {
    const trend = scoreTrend([0.2, 0.4, 0.6, 0.8]);
    expect(trend.slope).toBeCloseTo(0.2, 10);
    expect(trend.change).toBeCloseTo(0.6, 10);
    expect(trend.direction).toBe("up");
  });

  it("falls when scores drop even if the last one recovers a little", () => {
    const trend = scoreTrend([1, 0.8, 0.5, 0.6]);
    expect(trend.slope).toBeLessThan(0);
    expect(trend.direction).toBe("down");
  });

  it("calls a change below the threshold flat", () => {
    expect(scoreTrend([0.5, 0.51, 0.5, 0.52]).direction).toBe("flat");
  });
});
