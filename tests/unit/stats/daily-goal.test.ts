import { describe, expect, it } from "vitest";
import { activeGoal, daysMeetingGoal, describeGoalProgress, goalProgress } from "@/app/lib/domain/stats";
import { dailyGoalSchema } from "@/app/lib/schemas/settings";

describe("the daily goal", () => {
  it("is off with no kind or a target of 0", () => {
    expect(activeGoal({ kind: "none", target: 50 })).toBeNull();
    expect(activeGoal({ kind: "reviews", target: 0 })).toBeNull();
    expect(goalProgress({ kind: "none", target: 5 }, { reviews: 10, ms: 0 })).toBeNull();
  });

  it("counts reviews, or whole minutes spent answering", () => {
    expect(goalProgress({ kind: "reviews", target: 50 }, { reviews: 12, ms: 999_999 })).toEqual({
      kind: "reviews",
      target: 50,
      done: 12,
      met: false,
      fraction: 0.24,
    });
    const minutes = goalProgress({ kind: "minutes", target: 10 }, { reviews: 3, ms: 10 * 60_000 + 59_000 });
    expect(minutes).toMatchObject({ done: 10, met: true, fraction: 1 });
    expect(describeGoalProgress(minutes!)).toBe("10 of 10 minutes");
    expect(describeGoalProgress(goalProgress({ kind: "reviews", target: 1 }, { reviews: 0, ms: 0 })!)).toBe("0 of 1 review");
  });

  it("marks the days that met it, by the goal's own measure", () => {
    const days = [
      { day: "2030-01-01", count: 20, ms: 60_000 },
      { day: "2030-01-02", count: 5, ms: 20 * 60_000 },
      { day: "2030-01-03", count: 19, ms: 0 },
    ];
    expect(daysMeetingGoal({ kind: "reviews", target: 20 }, days)).toEqual(["2030-01-01"]);
    expect(daysMeetingGoal({ kind: "minutes", target: 15 }, days)).toEqual(["2030-01-02"]);
    expect(daysMeetingGoal({ kind: "none", target: 0 }, days)).toEqual([]);
  });

  it("is checked in words by the form's schema", () => {
    expect(dailyGoalSchema.safeParse({ kind: "reviews", target: "40" })).toMatchObject({ success: true, data: { kind: "reviews", target: 40 } });
    expect(dailyGoalSchema.safeParse({ kind: "none", target: 0 }).success).toBe(true);
    const messages = (input: unknown) => dailyGoalSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(messages({ kind: "minutes", target: 0 })).toEqual(["A goal needs at least 1."]);
    expect(messages({ kind: "reviews", target: "abc" })).toEqual(["Enter a number."]);
    expect(messages({ kind: "hours", target: 5 })).toEqual(["Choose no goal, reviews or minutes."]);
  });
});
