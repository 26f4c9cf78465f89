import { describe, expect, it } from "vitest";

import { trueRetention, type RetentionLog } from "@/app/lib/domain/stats";

const log = (
  reviewedAt: string,
  rating: 1 | 2 | 3 | 4,
  scheduledDays: number,
  state: RetentionLog["state"] = "review",
): RetentionLog => ({
  reviewedAt: new Date(reviewedAt),
  rating,
  scheduledDays,
  state,
});

const counts = (passed: number, failed: number) => ({
  passed,
  failed,
  retention: passed + failed === 0 ? null : passed / (passed + failed),
});

describe("trueRetention", () => {
  // New York, day starting at 04:00; now is 12:00 EDT on Monday 10 March 2025 (study day 2025-03-10).
  const now = new Date("2025-03-10T16:00:00Z");
  const logs: RetentionLog[] = [
    log("2025-03-10T13:00:00Z", 3, 10), // today 09:00: young, passed
    log("2025-03-10T09:00:00Z", 1, 30), // today 05:00: mature, failed
    log("2025-03-10T07:30:00Z", 4, 21), // 03:30 → yesterday's study day; 21 days is mature
    log("2025-03-05T15:00:00Z", 2, 20), // within the week: young, passed (hard counts as passed)
    log("2025-03-03T15:00:00Z", 1, 5), // 7 study days back: month, not week; young, failed
    log("2025-03-10T14:00:00Z", 1, 0, "learning"), // learning steps do not count
    log("2025-03-10T14:05:00Z", 3, 0, "relearning"), // nor relearning
    log("2025-03-10T17:00:00Z", 1, 40), // after now: ignored
    log("2024-06-01T15:00:00Z", 3, 100), // within the year: mature, passed
    log("2023-01-01T15:00:00Z", 1, 50), // all time only: mature, failed
  ];

  it("counts review-state answers passed (rating > 1) for young and mature cards per period", () => {
    const table = trueRetention(logs, now, "America/New_York", 4);
    expect(table.today).toEqual({ young: counts(1, 0), mature: counts(0, 1), total: counts(1, 1) });
    expect(table.yesterday).toEqual({
      young: counts(0, 0),
      mature: counts(1, 0),
      total: counts(1, 0),
    });
    expect(table.week).toEqual({ young: counts(2, 0), mature: counts(1, 1), total: counts(3, 1) });
    expect(table.month).toEqual({ young: counts(2, 1), mature: counts(1, 1), total: counts(3, 2) });
    expect(table.year).toEqual({ young: counts(2, 1), mature: counts(2, 1), total: counts(4, 2) });
    expect(table.allTime).toEqual({
      young: counts(2, 1),
      mature: counts(2, 2),
      total: counts(4, 3),
    });
    expect(table.week.total.retention).toBe(0.75);
  });

  it("reports no retention (null), not 0 %, for a period without reviews", () => {
    const table = trueRetention([], now, "UTC", 4);
    expect(table.today.total).toEqual({ passed: 0, failed: 0, retention: null });
  });

  it("places periods by the user's time zone", () => {
    // 13:30Z is 03:30 on 11 March in Kiritimati (UTC+14), before the day starts: study day 10 March.
    // Now, 20:00Z, is 10:00 on 11 March there: the review was yesterday. In UTC both are 10 March.
    const review = [log("2025-03-10T13:30:00Z", 3, 3)];
    const evening = new Date("2025-03-10T20:00:00Z");
    expect(trueRetention(review, evening, "Pacific/Kiritimati", 4).yesterday.total).toEqual(
      counts(1, 0),
    );
    expect(trueRetention(review, evening, "Pacific/Kiritimati", 4).today.total).toEqual(
      counts(0, 0),
    );
    expect(trueRetention(review, evening, "UTC", 4).today.total).toEqual(counts(1, 0));
    // In Pago Pago (UTC−11) 13:30Z is 02:30 on 10 March (study day 9 March) and now is 09:00 on
    // 10 March, so the review was yesterday there too, though on another calendar day.
    expect(trueRetention(review, evening, "Pacific/Pago_Pago", 4).yesterday.total).toEqual(
      counts(1, 0),
    );
  });

  it("counts only the first review of a card in a study day when logs name the card", () => {
    const withCards: RetentionLog[] = [
      { ...log("2025-03-10T12:00:00Z", 1, 8), cardId: "c1" },
      { ...log("2025-03-10T12:30:00Z", 3, 8), cardId: "c1" }, // a second look the same day
      { ...log("2025-03-10T12:10:00Z", 3, 8), cardId: "c2" },
    ];
    expect(trueRetention(withCards, now, "America/New_York", 4).today.young).toEqual(counts(1, 1));
  });
});
