import { describe, expect, it } from "vitest";

import { dueForecast, forecastSpread, reviewsPerDay, StatsInputError, streak } from "@/app/lib/domain/stats";

describe("streak", () => {
  const run = ["2025-03-08", "2025-03-09", "2025-03-10"];

  it("counts consecutive study days ending today", () => {
    expect(streak(run, "2025-03-10")).toEqual({ current: 3, longest: 3 });
  });

  it("keeps the streak alive while today has no review yet", () => {
    expect(streak(run, "2025-03-11").current).toBe(3);
  });

  it("breaks the streak after a whole study day without reviews", () => {
    expect(streak(run, "2025-03-12")).toEqual({ current: 0, longest: 3 });
  });

  it("finds the longest run across gaps, duplicates, unsorted input and a leap day", () => {
    const days = [
      "2024-03-01",
      "2024-02-28",
      "2024-02-29",
      "2024-02-29",
      "2024-02-27",
      "2025-01-01",
      "2025-01-02",
    ];
    expect(streak(days, "2025-01-02")).toEqual({ current: 2, longest: 4 });
  });

  it("is zero for no reviews and ignores days after today", () => {
    expect(streak([], "2025-01-01")).toEqual({ current: 0, longest: 0 });
    expect(streak(["2025-01-02", "2025-01-03"], "2025-01-01")).toEqual({ current: 0, longest: 0 });
  });
});

describe("reviewsPerDay", () => {
  const logs = ["2025-01-01T14:30:00Z", "2025-01-01T15:30:00Z", "2025-01-02T02:00:00Z"].map(
    (iso) => ({ reviewedAt: new Date(iso) }),
  );

  it("counts reviews per study day in Pago Pago (UTC−11)", () => {
    // 03:30 → 31 Dec (before the 04:00 day start); 04:30 and 15:00 on 1 Jan.
    expect(reviewsPerDay(logs, "Pacific/Pago_Pago", 4)).toEqual([
      { day: "2024-12-31", count: 1 },
      { day: "2025-01-01", count: 2 },
    ]);
  });

  it("counts the same reviews on one day in Kiritimati (UTC+14)", () => {
    // 04:30, 05:30 and 16:00 on 2 Jan.
    expect(reviewsPerDay(logs, "Pacific/Kiritimati", 4)).toEqual([{ day: "2025-01-02", count: 3 }]);
  });

  it("lists days oldest first", () => {
    const unordered = ["2025-05-03T12:00:00Z", "2025-05-01T12:00:00Z", "2025-05-02T12:00:00Z"].map(
      (iso) => ({ reviewedAt: new Date(iso) }),
    );
    expect(reviewsPerDay(unordered, "UTC", 0).map((d) => d.day)).toEqual([
      "2025-05-01",
      "2025-05-02",
      "2025-05-03",
    ]);
  });
});

describe("dueForecast", () => {
  // 12:00 EST on Saturday 8 March 2025 in New York; clocks go forward early on 9 March.
  const now = new Date("2025-03-08T17:00:00Z");
  const dues = [
    "2025-03-01T12:00:00Z", // overdue: today
    "2025-03-09T07:30:00Z", // 03:30 EDT on the 9th: still the study day of the 8th
    "2025-03-09T08:30:00Z", // 04:30 EDT on the 9th: tomorrow
    "2025-03-12T12:00:00Z", // in four days
    "2025-03-13T12:00:00Z", // beyond a five-day horizon
  ].map((iso) => new Date(iso));

  it("counts cards due on each study day, overdue ones today, across the DST change", () => {
    expect(dueForecast(dues, now, 5, "America/New_York", 4)).toEqual([
      { day: "2025-03-08", offset: 0, count: 2 },
      { day: "2025-03-09", offset: 1, count: 1 },
      { day: "2025-03-10", offset: 2, count: 0 },
      { day: "2025-03-11", offset: 3, count: 0 },
      { day: "2025-03-12", offset: 4, count: 1 },
    ]);
  });

  it("covers 30 days by default", () => {
    const forecast = dueForecast(dues, now, undefined, "America/New_York", 4);
    expect(forecast).toHaveLength(30);
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(5);
    expect(forecast[29]?.day).toBe("2025-04-06");
  });

  it("rejects a horizon below one day with a named error", () => {
    expect(() => dueForecast(dues, now, 0, "UTC", 4)).toThrow(StatsInputError);
  });
});

describe("forecastSpread", () => {
  const days = (counts: number[]) => counts.map((count, offset) => ({ day: `2026-03-${String(10 + offset).padStart(2, "0")}`, offset, count }));

  it("is the busiest day over the mean from tomorrow on, leaving today's overdue cards out", () => {
    expect(forecastSpread(days([500, 10, 20, 30]))).toBeCloseTo(30 / 20);
    expect(forecastSpread(days([0, 7, 7, 7]))).toBe(1);
  });

  it("is null when nothing is due ahead", () => {
    expect(forecastSpread(days([12, 0, 0]))).toBeNull();
    expect(forecastSpread([])).toBeNull();
  });
});
