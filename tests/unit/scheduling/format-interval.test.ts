import { describe, expect, it } from "vitest";

import { formatInterval, SchedulingInputError } from "@/app/lib/domain/scheduling";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatInterval", () => {
  const table: [ms: number, label: string][] = [
    [0, "<1m"],
    [29 * SECOND, "<1m"],
    [30 * SECOND, "1m"],
    [MINUTE, "1m"],
    [6 * MINUTE, "6m"],
    [10 * MINUTE, "10m"],
    [59 * MINUTE, "59m"],
    [HOUR, "1h"],
    [90 * MINUTE, "2h"],
    [23 * HOUR, "23h"],
    [DAY, "1d"],
    [4 * DAY, "4d"],
    [29 * DAY, "29d"],
    [30 * DAY, "1mo"], // 30 / (365 / 12) = 0.99
    [70 * DAY, "2.3mo"],
    [182 * DAY, "6mo"],
    [364 * DAY, "12mo"],
    [365 * DAY, "1y"],
    [400 * DAY, "1.1y"],
    [3650 * DAY, "10y"],
    [36500 * DAY, "100y"],
  ];
  for (const [ms, label] of table) {
    it(`shows ${ms} ms as ${label}`, () => {
      expect(formatInterval(ms)).toBe(label);
    });
  }

  it("rejects a negative or non-finite interval with a named error", () => {
    expect(() => formatInterval(-1)).toThrow(SchedulingInputError);
    expect(() => formatInterval(Number.NaN)).toThrow(SchedulingInputError);
  });
});
