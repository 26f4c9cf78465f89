import { describe, expect, it } from "vitest";
import {
  applyGrade,
  DEFAULT_SCHEDULER_SETTINGS,
  forgetCard,
  isLeechLapse,
  newCardState,
  rescheduleFromLogs,
  type StoredReviewLog,
} from "@/app/lib/domain/scheduling";

describe("leeches", () => {
  it("makes a card a leech at the threshold and again every half threshold, as Anki does", () => {
    const hits = Array.from({ length: 20 }, (_, i) => i + 1).filter((lapses) => isLeechLapse(lapses - 1, lapses, 8));
    expect(hits).toEqual([8, 12, 16, 20]);
  });

  it("needs a lapse: an answer that leaves the lapses as they were is never a leech", () => {
    expect(isLeechLapse(8, 8, 8)).toBe(false);
  });

  it("counts every lapse from the threshold on when the threshold is 1", () => {
    expect([1, 2, 3].map((n) => isLeechLapse(n - 1, n, 1))).toEqual([true, true, true]);
  });
});

describe("reset (forget)", () => {
  it("makes a studied card new with its counts and last review kept", () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const { next } = applyGrade(newCardState(t0), 3, DEFAULT_SCHEDULER_SETTINGS, t0);
    const at = new Date("2026-01-05T10:00:00Z");
    const reset = forgetCard(next, at);
    expect(reset).toMatchObject({ state: "new", stability: 0, difficulty: 0, reps: next.reps, lapses: next.lapses, due: at });
    expect(reset.lastReview).toEqual(next.lastReview);
  });

  it("agrees with a replay of the log, where the next answer's state before is new", () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const s = DEFAULT_SCHEDULER_SETTINGS;
    const first = applyGrade(newCardState(t0), 3, s, t0);
    const t1 = new Date("2026-01-03T10:00:00Z");
    const second = applyGrade(first.next, 3, s, t1);
    const t2 = new Date("2026-01-09T10:00:00Z");
    const t3 = new Date("2026-01-09T11:00:00Z");
    const after = applyGrade(forgetCard(second.next, t2), 4, s, t3);
    const logs: StoredReviewLog[] = [first.log, second.log, after.log];
    expect(after.log.state).toBe("new");
    expect(rescheduleFromLogs(logs, s)).toEqual(after.next);
  });
});
