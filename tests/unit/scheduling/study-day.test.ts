import { describe, expect, it } from "vitest";

import {
  addDays,
  daysBetween,
  remainingToday,
  SchedulingInputError,
  startOfDay,
  startOfStudyDay,
  studyDayOf,
  utcOffsetMinutes,
} from "@/app/lib/domain/scheduling";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("studyDayOf", () => {
  it("puts a review at 02:00 local time with the day starting at 4 on the previous day", () => {
    // 02:00 in UTC+0 on 10 March.
    expect(studyDayOf(at("2025-03-10T02:00:00Z"), "UTC", 4)).toBe("2025-03-09");
    expect(studyDayOf(at("2025-03-10T04:00:00Z"), "UTC", 4)).toBe("2025-03-10");
  });

  const cases: [zone: string, instant: string, dayStartHour: number, day: string][] = [
    // Kiritimati is UTC+14: 13:59Z is 03:59 the next local day, still the study day before.
    ["Pacific/Kiritimati", "2025-01-01T13:59:00Z", 4, "2025-01-01"],
    ["Pacific/Kiritimati", "2025-01-01T14:00:00Z", 4, "2025-01-02"],
    ["Pacific/Kiritimati", "2024-12-31T10:30:00Z", 0, "2025-01-01"],
    // Pago Pago is UTC−11: 14:30Z is 03:30 local on the same calendar day.
    ["Pacific/Pago_Pago", "2025-01-01T14:30:00Z", 4, "2024-12-31"],
    ["Pacific/Pago_Pago", "2025-01-01T15:00:00Z", 4, "2025-01-01"],
    ["Pacific/Pago_Pago", "2025-01-01T10:00:00Z", 0, "2024-12-31"],
    // New York, spring forward on 9 March 2025 (02:00 EST → 03:00 EDT at 07:00Z).
    ["America/New_York", "2025-03-09T07:30:00Z", 4, "2025-03-08"], // 03:30 EDT
    ["America/New_York", "2025-03-09T08:00:00Z", 4, "2025-03-09"], // 04:00 EDT
    ["America/New_York", "2025-03-09T06:59:00Z", 2, "2025-03-08"], // 01:59 EST
    ["America/New_York", "2025-03-09T07:00:00Z", 2, "2025-03-09"], // 03:00 EDT, 02:00 never happened
    // New York, fall back on 2 November 2025 (02:00 EDT → 01:00 EST at 06:00Z).
    ["America/New_York", "2025-11-02T08:30:00Z", 4, "2025-11-01"], // 03:30 EST
    ["America/New_York", "2025-11-02T09:00:00Z", 4, "2025-11-02"], // 04:00 EST
    ["America/New_York", "2025-11-02T06:30:00Z", 1, "2025-11-02"], // 01:30 EST, the second 01:30
  ];
  for (const [zone, instant, hour, day] of cases) {
    it(`puts ${instant} in ${zone} with the day starting at ${hour} on ${day}`, () => {
      expect(studyDayOf(at(instant), zone, hour)).toBe(day);
    });
  }

  it("gives two different study days for one instant in the two zones furthest apart", () => {
    const instant = at("2025-01-01T15:00:00Z");
    expect(studyDayOf(instant, "Pacific/Kiritimati", 4)).toBe("2025-01-02");
    expect(studyDayOf(instant, "Pacific/Pago_Pago", 4)).toBe("2025-01-01");
  });

  it("rejects an unknown time zone and a day start outside 0..23 with a named error", () => {
    expect(() => studyDayOf(at("2025-01-01T00:00:00Z"), "Mars/Olympus_Mons", 4)).toThrow(
      SchedulingInputError,
    );
    expect(() => studyDayOf(at("2025-01-01T00:00:00Z"), "UTC", 24)).toThrow(SchedulingInputError);
    expect(() => studyDayOf(at("2025-01-01T00:00:00Z"), "UTC", 3.5)).toThrow(/dayStartHour/);
  });
});

describe("startOfStudyDay", () => {
  const cases: [zone: string, instant: string, dayStartHour: number, start: string][] = [
    ["Pacific/Kiritimati", "2025-01-01T20:00:00Z", 4, "2025-01-01T14:00:00.000Z"], // 10:00 on 2 Jan
    ["Pacific/Kiritimati", "2025-01-01T13:00:00Z", 4, "2024-12-31T14:00:00.000Z"], // 03:00 on 2 Jan
    ["Pacific/Pago_Pago", "2025-01-01T20:00:00Z", 4, "2025-01-01T15:00:00.000Z"],
    ["Pacific/Pago_Pago", "2025-01-01T14:00:00Z", 4, "2024-12-31T15:00:00.000Z"],
    ["America/New_York", "2025-03-09T12:00:00Z", 4, "2025-03-09T08:00:00.000Z"], // 04:00 EDT
    ["America/New_York", "2025-03-08T12:00:00Z", 4, "2025-03-08T09:00:00.000Z"], // 04:00 EST
    ["America/New_York", "2025-03-09T12:00:00Z", 2, "2025-03-09T07:00:00.000Z"], // 02:00 skipped: the jump
    ["America/New_York", "2025-11-02T12:00:00Z", 1, "2025-11-02T05:00:00.000Z"], // 01:00 twice: the first
    ["America/New_York", "2025-11-02T12:00:00Z", 4, "2025-11-02T09:00:00.000Z"],
  ];
  for (const [zone, instant, hour, start] of cases) {
    it(`starts the study day of ${instant} in ${zone} (day start ${hour}) at ${start}`, () => {
      expect(startOfStudyDay(at(instant), zone, hour).toISOString()).toBe(start);
    });
  }

  it("makes the study days around the DST changes 23 and 25 hours long", () => {
    const zone = "America/New_York";
    const length = (day: string) =>
      startOfDay(addDays(day, 1), zone, 4).getTime() - startOfDay(day, zone, 4).getTime();
    expect(length("2025-03-08")).toBe(23 * HOUR);
    expect(length("2025-03-09")).toBe(24 * HOUR);
    expect(length("2025-11-01")).toBe(25 * HOUR);
  });

  it("is the first instant that studyDayOf puts on that day", () => {
    for (const zone of [
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "America/New_York",
      "Europe/Berlin",
    ]) {
      const start = startOfStudyDay(at("2025-03-30T12:00:00Z"), zone, 4);
      expect(studyDayOf(start, zone, 4)).not.toBe(
        studyDayOf(new Date(start.getTime() - 1), zone, 4),
      );
    }
  });
});

describe("day arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2024-12-25", "2025-01-05")).toBe(11);
    expect(daysBetween("2025-03-09", "2025-03-08")).toBe(-1);
  });

  it("rejects a string that is not a calendar date", () => {
    expect(() => addDays("2025-02-30", 1)).toThrow(SchedulingInputError);
    expect(() => daysBetween("2025-1-5", "2025-01-06")).toThrow(SchedulingInputError);
  });
});

describe("remainingToday", () => {
  const cases: [
    input: Parameters<typeof remainingToday>[0],
    newLeft: number,
    reviewsLeft: number,
  ][] = [
    [{ newLimit: 20, reviewLimit: 200, newDoneToday: 0, reviewsDoneToday: 0 }, 20, 200],
    [{ newLimit: 20, reviewLimit: 200, newDoneToday: 7, reviewsDoneToday: 150 }, 13, 50],
    [{ newLimit: 20, reviewLimit: 200, newDoneToday: 20, reviewsDoneToday: 200 }, 0, 0],
    [{ newLimit: 10, reviewLimit: 100, newDoneToday: 15, reviewsDoneToday: 130 }, 0, 0], // limits lowered mid-day
    [{ newLimit: 0, reviewLimit: 50, newDoneToday: 0, reviewsDoneToday: 10 }, 0, 40],
  ];
  for (const [input, newLeft, reviewsLeft] of cases) {
    it(`leaves ${newLeft} new and ${reviewsLeft} reviews for ${JSON.stringify(input)}`, () => {
      expect(remainingToday(input)).toEqual({ newLeft, reviewsLeft });
    });
  }

  it("rejects negative or fractional counts with a named error", () => {
    expect(() =>
      remainingToday({ newLimit: -1, reviewLimit: 0, newDoneToday: 0, reviewsDoneToday: 0 }),
    ).toThrow(SchedulingInputError);
    expect(() =>
      remainingToday({ newLimit: 1, reviewLimit: 0, newDoneToday: 0.5, reviewsDoneToday: 0 }),
    ).toThrow(/newDoneToday/);
  });
});

describe("utcOffsetMinutes", () => {
  it("gives minutes east of UTC, following DST (values from the zones' published rules)", () => {
    expect(utcOffsetMinutes(Date.parse("2025-01-15T12:00:00Z"), "Asia/Shanghai")).toBe(480);
    expect(utcOffsetMinutes(Date.parse("2025-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(utcOffsetMinutes(Date.parse("2025-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(utcOffsetMinutes(Date.parse("2025-01-15T12:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(utcOffsetMinutes(Date.parse("2025-01-15T12:00:00Z"), "UTC")).toBe(0);
  });
  it("rejects an unknown zone with a named error", () => {
    expect(() => utcOffsetMinutes(0, "Mars/Olympus_Mons")).toThrow(SchedulingInputError);
  });
});
