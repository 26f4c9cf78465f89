import { describe, expect, it } from "vitest";

import { predictedRetention } from "@/app/lib/domain/scheduling";
import { calibrationCurve, heatmapMonthLabels, retentionFromDailyTallies, yearHeatmap } from "@/app/lib/domain/stats";

const tally = (day: string, youngPassed: number, youngFailed: number, maturePassed: number, matureFailed: number) => ({
  day,
  youngPassed,
  youngFailed,
  maturePassed,
  matureFailed,
});

describe("retentionFromDailyTallies", () => {
  const tallies = [
    tally("2025-03-10", 3, 1, 0, 0), // today
    tally("2025-03-09", 0, 0, 2, 2), // yesterday
    tally("2025-03-04", 1, 0, 0, 0), // 6 days ago: still in the week
    tally("2025-03-03", 0, 1, 0, 0), // 7 days ago: the month, not the week
    tally("2024-03-11", 0, 0, 1, 0), // 364 days ago: the year
    tally("2024-03-10", 0, 0, 0, 1), // 365 days ago: all time only
    tally("2025-03-11", 9, 9, 9, 9), // after today: ignored
  ];
  const table = retentionFromDailyTallies(tallies, "2025-03-10");

  it("sums whole study days into today, yesterday, 7, 30 and 365 days and all time", () => {
    expect(table.today.total).toEqual({ passed: 3, failed: 1, retention: 0.75 });
    expect(table.yesterday.young.retention).toBeNull();
    expect(table.yesterday.mature).toEqual({ passed: 2, failed: 2, retention: 0.5 });
    expect(table.week.total).toEqual({ passed: 6, failed: 3, retention: 6 / 9 });
    expect(table.month.young).toEqual({ passed: 4, failed: 2, retention: 4 / 6 });
    expect(table.year.mature).toEqual({ passed: 3, failed: 2, retention: 0.6 });
    expect(table.allTime.mature).toEqual({ passed: 3, failed: 3, retention: 0.5 });
  });
});

describe("yearHeatmap", () => {
  it("starts on the Monday on or before a year ago and ends today, shading by quartile", () => {
    // 2025-03-10 is a Monday; 364 days back is Monday 2024-03-11, where the grid starts.
    const cells = yearHeatmap(
      [
        { day: "2025-03-10", count: 40 },
        { day: "2025-03-09", count: 1 },
        { day: "2025-03-08", count: 2 },
        { day: "2025-03-07", count: 3 },
        { day: "2023-01-01", count: 99 }, // outside the year
      ],
      "2025-03-10",
    );
    expect(cells[0]?.day).toBe("2024-03-11");
    expect(cells.at(-1)).toEqual({ day: "2025-03-10", count: 40, level: 4 });
    expect(cells.length % 7).toBe(1); // today is a Monday: a new column of one
    expect(cells.find((c) => c.day === "2025-03-09")?.level).toBe(1);
    expect(cells.find((c) => c.day === "2025-03-08")?.level).toBe(2);
    expect(cells.find((c) => c.day === "2025-03-07")?.level).toBe(3);
    expect(cells.filter((c) => c.count > 0)).toHaveLength(4);
  });

  it("pads the first week back to its Monday", () => {
    // Wednesday 2025-03-12: a year back is Thursday 2024-03-13, whose Monday is 2024-03-11.
    const cells = yearHeatmap([], "2025-03-12");
    expect(cells[0]?.day).toBe("2024-03-11");
    expect(cells).toHaveLength(367);
  });
});

describe("calibrationCurve", () => {
  it("weights predicted recall by reviews and puts elapsed days in buckets", () => {
    const points = calibrationCurve(
      [
        { elapsedDays: 10, stability: 10, passed: 9, failed: 1 },
        { elapsedDays: 9, stability: 30, passed: 10, failed: 0 },
        { elapsedDays: 1, stability: 5, passed: 1, failed: 1 },
      ],
      null,
    );
    expect(points.map((p) => p.label)).toEqual(["1", "8–10"]);
    const wide = points[1]!;
    expect(wide.reviews).toBe(20);
    expect(wide.observed).toBeCloseTo(19 / 20, 12);
    // R(S, S) = 0.9 by construction.
    expect(wide.predicted).toBeCloseTo((10 * 0.9 + 10 * predictedRetention(null, 9, 30)) / 20, 12);
    expect(points[0]).toMatchObject({ observed: 0.5, reviews: 2 });
  });
});

describe("heatmapMonthLabels", () => {
  it("labels the week column where each month's first day falls", () => {
    // Today 2025-03-12 (a Wednesday): the year starts on Monday 2024-03-11, column 0.
    const labels = heatmapMonthLabels(yearHeatmap([], "2025-03-12"));
    // 2024-04-01 is a Monday, 21 days after 2024-03-11: column 3. 2025-01-01 (a Wednesday) is
    // 296 days after: column 42. 2025-03-01 is 355 days after: column 50.
    expect(labels[0]).toEqual({ column: 0, month: 2 });
    expect(labels[1]).toEqual({ column: 3, month: 3 });
    expect(labels.find((l) => l.month === 0)).toEqual({ column: 42, month: 0 });
    expect(labels.at(-1)).toEqual({ column: 50, month: 2 });
    expect(labels).toHaveLength(13);
  });

  it("drops the first column's label when the next month starts within three weeks", () => {
    // Today 2025-01-20: the year starts on Monday 2024-01-22; 2024-02-01 falls in column 1.
    const labels = heatmapMonthLabels(yearHeatmap([], "2025-01-20"));
    expect(labels[0]).toEqual({ column: 1, month: 1 });
  });
});
