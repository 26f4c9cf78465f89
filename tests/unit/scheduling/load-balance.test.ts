import { get_fuzz_range } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import {
  addDays,
  applyGrade,
  balancePlanOf,
  balanceRange,
  balanceRangeOf,
  balancesDays,
  balanceSeed,
  newCardState,
  rescheduleFromLogs,
  weekdayOf,
  withReviewInDays,
  type DayRange,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
  type StoredReviewLog,
  dayWeights,
  easyDayFactors,
  easyDayLevel,
  MAX_BALANCED_INTERVAL,
  pickBalancedDay,
  pickWithPlan,
  previewBalancedDays,
  SchedulingInputError,
  shownDayIn,
  validateSchedulerSettings,
  type BalanceInput,
} from "@/app/lib/domain/scheduling";
import { mulberry32 } from "@/app/lib/domain/random";

import { BASE_SETTINGS, DAY, T0 } from "./helpers";

const NORMAL = [1, 1, 1, 1, 1, 1, 1];
/** Saturday and Sunday minimum, Wednesday reduced (Monday first). */
const WEEKEND_OFF = [1, 1, 0.5, 1, 1, 0, 0];

function input(over: Partial<BalanceInput> = {}): BalanceInput {
  return {
    range: { minDays: 9, maxDays: 13 },
    dueCounts: [10, 10, 10, 10, 10],
    reviewWeekday: 0,
    seed: "card-1@0",
    loadBalance: true,
    ...over,
  };
}

/** How often each day of the range is picked over `n` seeds. */
function frequencies(base: BalanceInput, n = 4000): Map<number, number> {
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const day = pickBalancedDay({ ...base, seed: `card-${i}@1700000000000` });
    if (day !== null) seen.set(day, (seen.get(day) ?? 0) + 1);
  }
  return seen;
}

describe("balanceRange", () => {
  it("is ts-fsrs's fuzz range", () => {
    for (let interval = 3; interval <= 400; interval += 7) {
      for (const elapsed of [0, 2, interval - 1, interval + 5]) {
        const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsed, 36500);
        expect(balanceRange(interval, elapsed, 36500)).toEqual({ minDays: min_ivl, maxDays: max_ivl });
      }
    }
  });

  it("never reaches past the maximum interval, nor below the minimum asked", () => {
    expect(balanceRange(30, 10, 31)).toEqual({ minDays: 27, maxDays: 31 });
    expect(balanceRange(200, 10, 100).maxDays).toBe(100);
    expect(balanceRange(10, 3, 36500, 11).minDays).toBe(11);
    expect(balanceRange(10, 3, 36500, 40)).toEqual({ minDays: 40, maxDays: 40 });
    expect(balanceRange(10, 3, 20, 40)).toEqual({ minDays: 20, maxDays: 20 });
  });

  it("is one day for an interval under 2.5 days, which ts-fsrs does not fuzz", () => {
    expect(balanceRange(2, 1, 36500)).toEqual({ minDays: 2, maxDays: 2 });
    expect(balanceRange(1, 0, 36500, 2)).toEqual({ minDays: 2, maxDays: 2 });
  });
});

describe("dayWeights", () => {
  it("weighs a day d days ahead with c reviews 1/(c²·d), as Anki 24.11, and an empty day 1", () => {
    const weights = dayWeights(input({ dueCounts: [4, 0, 2, 1, 3] }));
    expect(weights).toEqual([1 / (16 * 9), 1, 1 / (4 * 11), 1 / 12, 1 / (9 * 13)]);
  });

  it("weighs every day alike without the load balancer", () => {
    expect(dayWeights(input({ loadBalance: false, dueCounts: [4, 0, 2, 1, 3] }))).toEqual([1, 1, 1, 1, 1]);
  });

  it("all but removes the days next to a sibling's", () => {
    const weights = dayWeights(input({ loadBalance: false, siblingDays: [11] }));
    expect(weights).toEqual([0.4, 0.2, 0.000001, 0.2, 0.4]);
  });
});

describe("pickBalancedDay", () => {
  it("never leaves the range, for any counts, easy days and seeds", () => {
    const random = mulberry32(15);
    for (let i = 0; i < 3000; i += 1) {
      const interval = 3 + Math.floor(random() * 120);
      const maximumInterval = 5 + Math.floor(random() * 200);
      const range = balanceRange(interval, Math.floor(random() * interval), maximumInterval);
      const length = range.maxDays - range.minDays + 1;
      const pick = pickBalancedDay({
        range,
        dueCounts: Array.from({ length }, () => Math.floor(random() * 40)),
        reviewWeekday: Math.floor(random() * 7),
        seed: `c${i}@${i * 1000}`,
        loadBalance: random() < 0.7,
        easyDays: random() < 0.5 ? Array.from({ length: 7 }, () => [0, 0.5, 1][Math.floor(random() * 3)] ?? 1) : [],
        siblingDays: random() < 0.3 ? [range.minDays + Math.floor(random() * length)] : [],
      });
      if (pick === null) continue;
      expect(pick).toBeGreaterThanOrEqual(range.minDays);
      expect(pick).toBeLessThanOrEqual(range.maxDays);
      expect(pick).toBeLessThanOrEqual(maximumInterval);
    }
  });

  it("picks the same day for the same card at the same reps on the same study day, and is seeded by all three", () => {
    const day = "2026-03-10";
    const base = input({ dueCounts: [3, 3, 3, 3, 3] });
    const first = pickBalancedDay({ ...base, seed: balanceSeed("card-a", 4, day) });
    expect(pickBalancedDay({ ...base, seed: balanceSeed("card-a", 4, "2026-03-10") })).toBe(first);
    expect(balanceSeed("card-a", 4, day)).not.toBe(balanceSeed("card-b", 4, day));
    expect(balanceSeed("card-a", 4, day)).not.toBe(balanceSeed("card-a", 5, day));
    expect(balanceSeed("card-a", 4, day)).not.toBe(balanceSeed("card-a", 4, "2026-03-11"));
    // Over cards answered on one day, the equal days are all used.
    const days = new Set(Array.from({ length: 200 }, (_, i) => pickBalancedDay({ ...base, seed: balanceSeed(`card-${i}`, 4, day) })));
    expect(days).toEqual(new Set([9, 10, 11, 12, 13]));
  });

  it("picks each day about as often as its weight says", () => {
    const base = input({ dueCounts: [30, 5, 30, 30, 12] });
    const weights = dayWeights(base);
    const total = weights.reduce((a, b) => a + b, 0);
    const n = 8000;
    const seen = frequencies(base, n);
    weights.forEach((w, i) => {
      expect(Math.abs((seen.get(9 + i) ?? 0) / n - w / total)).toBeLessThan(0.02);
    });
    // The day with 5 due takes most of the cards.
    expect(seen.get(10) ?? 0).toBeGreaterThan(0.75 * n);
  });

  it("is null when there is nothing to pick, so the scheduler's own day stands", () => {
    expect(pickBalancedDay(input({ loadBalance: false }))).toBeNull();
    expect(pickBalancedDay(input({ loadBalance: false, easyDays: NORMAL }))).toBeNull();
    expect(pickBalancedDay(input({ range: { minDays: 12, maxDays: 12 }, dueCounts: [1] }))).toBeNull();
    const far = { minDays: MAX_BALANCED_INTERVAL + 1, maxDays: MAX_BALANCED_INTERVAL + 9 };
    expect(pickBalancedDay(input({ range: far, dueCounts: Array(9).fill(3) }))).toBeNull();
  });

  it("refuses a range, weekday or count that makes no sense", () => {
    expect(() => pickBalancedDay(input({ range: { minDays: 5, maxDays: 4 } }))).toThrow(SchedulingInputError);
    expect(() => pickBalancedDay(input({ range: { minDays: 0, maxDays: 4 } }))).toThrow(SchedulingInputError);
    expect(() => pickBalancedDay(input({ reviewWeekday: 7 }))).toThrow(SchedulingInputError);
    expect(() => pickBalancedDay(input({ dueCounts: [1, -1, 0, 0, 0] }))).toThrow(SchedulingInputError);
  });
});

describe("easy days", () => {
  it("reads Anki's shares as levels", () => {
    expect([1, 0.5, 0.3, 0].map(easyDayLevel)).toEqual(["normal", "reduced", "reduced", "minimum"]);
  });

  it("turns a reduced day off once it holds more than half a normal day's share, as Anki 25", () => {
    // Two normal days (10 reviews in all, 5 per unit of share) and a reduced day (share 0.5).
    const weekdays = [0, 1, 2];
    const easy = [1, 1, 0.5, 1, 1, 1, 1];
    expect(easyDayFactors(easy, weekdays, [6, 4, 2])).toEqual([1, 1, 1]); // 2 / 0.5 = 4 ≤ 5
    expect(easyDayFactors(easy, weekdays, [6, 4, 3])).toEqual([1, 1, 0.0001]); // 3 / 0.5 = 6 > 5
    expect(easyDayFactors([1, 1, 0, 1, 1, 1, 1], weekdays, [6, 4, 0])).toEqual([1, 1, 0.0001]);
  });

  it("moves reviews off minimum days, within the range", () => {
    // Review on a Monday: days 9..13 ahead are Wednesday..Sunday.
    const base = input({ loadBalance: false, easyDays: WEEKEND_OFF, dueCounts: [0, 0, 0, 0, 0] });
    const seen = frequencies(base);
    expect((seen.get(12) ?? 0) + (seen.get(13) ?? 0)).toBeLessThan(5); // Saturday, Sunday
    expect(seen.get(9) ?? 0).toBeGreaterThan(0); // Wednesday: reduced, but empty
    expect([...seen.keys()].every((d) => d >= 9 && d <= 13)).toBe(true);
  });

  it("still gives a day in the range when every day of it is a minimum day", () => {
    const allOff = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 50; i += 1) {
      const day = pickBalancedDay(input({ easyDays: allOff, seed: `x${i}` }));
      expect(day).toBeGreaterThanOrEqual(9);
      expect(day).toBeLessThanOrEqual(13);
    }
  });

  it("never moves a card past its maximum interval", () => {
    // The maximum interval is 20: the range stops there, even though day 20 is a Sunday.
    const range = balanceRange(20, 5, 20);
    expect(range.maxDays).toBe(20);
    const seen = frequencies(input({ range, dueCounts: Array(range.maxDays - range.minDays + 1).fill(0), easyDays: WEEKEND_OFF }));
    expect(Math.max(...seen.keys())).toBeLessThanOrEqual(20);
  });

  it("are checked with the other settings: 7 shares from 0 to 1, or none", () => {
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, easyDays: WEEKEND_OFF, loadBalance: true })).not.toThrow();
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, easyDays: [] })).not.toThrow();
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, easyDays: [1, 1, 1] })).toThrow(/easyDays/);
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, easyDays: [1, 1, 1, 1, 1, 1, 2] })).toThrow(/easyDays/);
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, loadBalance: 1 as unknown as boolean })).toThrow(/loadBalance/);
  });
});

describe("balancing an answer", () => {
  const BALANCED: SchedulerSettings = { ...BASE_SETTINGS, loadBalance: true };

  /** A card answered good on each due date, `n` times: a review card with an interval of weeks. */
  function reviewCard(n: number, settings: SchedulerSettings) {
    let state: StoredCardState = newCardState(T0);
    let at = T0;
    const logs: StoredReviewLog[] = [];
    for (let i = 0; i < n; i += 1) {
      const { next, log } = applyGrade(state, 3, settings, at);
      logs.push(log);
      state = next;
      at = new Date(next.due.getTime() + 3_600_000);
    }
    return { state, logs, at };
  }

  it("applies only when the settings balance something", () => {
    expect(balancesDays(BASE_SETTINGS)).toBe(false);
    expect(balancesDays({ easyDays: NORMAL })).toBe(false);
    expect(balancesDays({ loadBalance: true })).toBe(true);
    expect(balancesDays({ easyDays: WEEKEND_OFF })).toBe(true);
  });

  it("moves a review answer within the fuzz range of FSRS's own interval, never a learning step nor past 90 days", () => {
    const { state, at } = reviewCard(3, BALANCED);
    const result = applyGrade(state, 3, BALANCED, at);
    const range = balanceRangeOf(state, 3, result, BALANCED, at);
    expect(range?.minDays).toBeGreaterThan(10);
    expect(range).toEqual(balanceRange(result.next.scheduledDays, result.log.elapsedDays, 36500));
    expect(balanceRangeOf(state, 3, result, BASE_SETTINGS, at)).toBeNull();
    const again = applyGrade(state, 1, BALANCED, at);
    expect(again.next.state).toBe("relearning");
    expect(balanceRangeOf(state, 1, again, BALANCED, at)).toBeNull();
    const fresh = applyGrade(newCardState(T0), 3, BALANCED, T0);
    expect(balanceRangeOf(newCardState(T0), 3, fresh, BALANCED, T0)).toBeNull();
    const long = reviewCard(4, BALANCED);
    expect(balanceRangeOf(long.state, 3, applyGrade(long.state, 3, BALANCED, long.at), BALANCED, long.at)).toBeNull();
  });

  it("draws the range around the interval before fuzz when fuzz is on", () => {
    const fuzzy: SchedulerSettings = { ...BALANCED, enableFuzz: true };
    const { state, at } = reviewCard(3, fuzzy);
    const result = applyGrade(state, 3, fuzzy, at);
    const plain = applyGrade(state, 3, { ...fuzzy, enableFuzz: false }, at);
    expect(balanceRangeOf(state, 3, result, fuzzy, at)).toEqual(
      balanceRange(plain.next.scheduledDays, plain.log.elapsedDays, 36500),
    );
  });

  it("changes only the day: a replay of the log gives the same memory state, due within the range", () => {
    const { state, logs, at } = reviewCard(2, BALANCED);
    const ratings: ReviewRating[] = [3, 2];
    let current = state;
    let now = at;
    const all = [...logs];
    let lastRange: DayRange | null = null;
    for (const rating of ratings) {
      const result = applyGrade(current, rating, BALANCED, now);
      const range = balanceRangeOf(current, rating, result, BALANCED, now);
      expect(range).not.toBeNull();
      lastRange = range;
      const moved = withReviewInDays(result, range!.maxDays, now);
      expect(moved.log).toEqual(result.log);
      expect({ ...moved.next, due: result.next.due, scheduledDays: result.next.scheduledDays }).toEqual(result.next);
      all.push(moved.log);
      current = moved.next;
      now = new Date(current.due.getTime() + 3_600_000);
    }
    const replayed = rescheduleFromLogs(all, BALANCED)!;
    expect({ ...replayed, due: current.due, scheduledDays: current.scheduledDays }).toEqual(current);
    expect(current.scheduledDays).toBe(lastRange?.maxDays);
    expect(replayed.scheduledDays).toBeGreaterThanOrEqual(lastRange?.minDays ?? Infinity);
    expect(replayed.scheduledDays).toBeLessThanOrEqual(lastRange?.maxDays ?? -Infinity);
  });

  it("puts the next review whole days after the answer", () => {
    const { state, at } = reviewCard(3, BALANCED);
    const moved = withReviewInDays(applyGrade(state, 3, BALANCED, at), 9, at);
    expect(moved.next.due.getTime() - at.getTime()).toBe(9 * DAY);
    expect(moved.next.scheduledDays).toBe(9);
    expect(() => withReviewInDays(applyGrade(state, 3, BALANCED, at), 0, at)).toThrow(SchedulingInputError);
  });

  it("counts weekdays from Monday, as Anki's easy days", () => {
    expect(weekdayOf("2026-03-09")).toBe(0); // a Monday
    expect(weekdayOf("2026-03-15")).toBe(6); // a Sunday
  });
});

describe("the plan the answer's write statement executes", () => {
  it("picks the day pickBalancedDay picks, for any counts, easy days, answers and times", () => {
    const random = mulberry32(1509);
    let compared = 0;
    for (let i = 0; i < 3000; i += 1) {
      const settings: SchedulerSettings = {
        ...BASE_SETTINGS,
        enableFuzz: random() < 0.5,
        loadBalance: random() < 0.7,
        easyDays: random() < 0.5 ? Array.from({ length: 7 }, () => [0, 0.5, 1][Math.floor(random() * 3)] ?? 1) : [],
      };
      // A review card of 1–6 good answers, answered again some days after its due date.
      let state: StoredCardState = newCardState(T0);
      let at = T0;
      const answers = 1 + Math.floor(random() * 6);
      for (let k = 0; k < answers; k += 1) {
        state = applyGrade(state, 3, settings, at).next;
        at = new Date(state.due.getTime() + Math.floor(random() * 3 * DAY));
      }
      const rating = (2 + Math.floor(random() * 3)) as ReviewRating;
      const result = applyGrade(state, rating, settings, at);
      const cardId = `card-${i}`;
      const studyDay = addDays("2026-03-09", Math.floor(random() * 7));
      const reviewWeekday = weekdayOf(studyDay);
      const plan = balancePlanOf({ cardId, before: state, rating, result, settings, now: at, studyDay });
      const range = balanceRangeOf(state, rating, result, settings, at);
      if (!plan || !range) {
        expect(plan).toBeNull();
        continue;
      }
      expect(plan.range).toEqual(range);
      const dueCounts = plan.levels.map(() => (random() < 0.2 ? 0 : Math.floor(random() * 60)));
      const expected = pickBalancedDay({
        range,
        dueCounts,
        reviewWeekday,
        seed: balanceSeed(cardId, state.reps, studyDay),
        loadBalance: settings.loadBalance ?? false,
        easyDays: settings.easyDays,
      });
      expect(pickWithPlan(plan, dueCounts)).toBe(expected);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(500);
  }, 30_000); // 3,000 cards of up to 7 answers: 3 s on a quiet machine, past 5 s at load 30 (2 cores, 7 sessions)
});

describe("the balanced day on an answer's button", () => {
  const SETTINGS: SchedulerSettings = { ...BASE_SETTINGS, enableFuzz: true, loadBalance: true, easyDays: WEEKEND_OFF };
  const STUDY_DAY = "2026-03-10";

  /** A review card of `n` good answers, each a little after its due date, and the time it is shown. */
  function reviewCardAt(n: number, settings: SchedulerSettings, lateMs = 3_600_000) {
    let state: StoredCardState = newCardState(T0);
    let at = T0;
    for (let i = 0; i < n; i += 1) {
      state = applyGrade(state, 3, settings, at).next;
      at = new Date(state.due.getTime() + lateMs);
    }
    return { state, at };
  }

  const outcomesOf = (state: StoredCardState, settings: SchedulerSettings, at: Date) =>
    [applyGrade(state, 1, settings, at), applyGrade(state, 2, settings, at), applyGrade(state, 3, settings, at), applyGrade(state, 4, settings, at)] as const;

  it("is the day the answer picks: same plan, same seed (card, reps, study day), same counts", () => {
    const random = mulberry32(1515);
    let compared = 0;
    for (let i = 0; i < 400; i += 1) {
      const settings: SchedulerSettings = {
        ...SETTINGS,
        loadBalance: random() < 0.7,
        easyDays: random() < 0.6 ? Array.from({ length: 7 }, () => [0, 0.5, 1][Math.floor(random() * 3)] ?? 1) : [],
      };
      const { state, at } = reviewCardAt(1 + Math.floor(random() * 5), settings, Math.floor(random() * 3 * DAY));
      const studyDay = addDays("2026-03-09", Math.floor(random() * 7));
      const counts = new Map<string, number[]>();
      const dueCounts = (range: DayRange) => {
        const key = `${range.minDays}-${range.maxDays}`;
        if (!counts.has(key)) counts.set(key, Array.from({ length: range.maxDays - range.minDays + 1 }, () => Math.floor(random() * 40)));
        return counts.get(key) ?? null;
      };
      const cardId = `card-${i}`;
      const outcomes = outcomesOf(state, settings, at);
      const days = previewBalancedDays({ cardId, before: state, outcomes, settings, now: at, studyDay, dueCounts });
      for (const rating of [1, 2, 3, 4] as const) {
        const result = applyGrade(state, rating, settings, at);
        const plan = balancePlanOf({ cardId, before: state, rating, result, settings, now: at, studyDay });
        const shown = days[rating - 1];
        if (!plan) {
          expect(shown).toBeNull();
          continue;
        }
        const planCounts = dueCounts(plan.range) ?? [];
        expect(shown).toBe(pickWithPlan(plan, planCounts));
        expect(shown).toBe(
          pickBalancedDay({
            range: plan.range,
            dueCounts: planCounts,
            reviewWeekday: weekdayOf(studyDay),
            seed: balanceSeed(cardId, state.reps, studyDay),
            loadBalance: settings.loadBalance ?? false,
            easyDays: settings.easyDays,
          }),
        );
        expect(shown).toBeGreaterThanOrEqual(plan.range.minDays);
        expect(shown).toBeLessThanOrEqual(Math.min(plan.range.maxDays, settings.maximumInterval));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("shows no day when nothing balances, for (re)learning answers, or when the counts are unknown", () => {
    const { state, at } = reviewCardAt(3, SETTINGS);
    const off = { ...SETTINGS, loadBalance: false, easyDays: [] };
    const args = { cardId: "card-a", before: state, now: at, studyDay: STUDY_DAY };
    expect(previewBalancedDays({ ...args, outcomes: outcomesOf(state, off, at), settings: off, dueCounts: () => [1, 2, 3] })).toEqual([null, null, null, null]);
    const unknown = previewBalancedDays({ ...args, outcomes: outcomesOf(state, SETTINGS, at), settings: SETTINGS, dueCounts: () => null });
    expect(unknown).toEqual([null, null, null, null]);
    const known = previewBalancedDays({
      ...args,
      outcomes: outcomesOf(state, SETTINGS, at),
      settings: SETTINGS,
      dueCounts: (range) => Array.from({ length: range.maxDays - range.minDays + 1 }, () => 5),
    });
    // Again sends the card back to relearning steps (minutes): not a day to balance.
    expect(known[0]).toBeNull();
    expect(known[2]).not.toBeNull();
    expect(known[3]).not.toBeNull();
  });

  it("is kept by the answer while it is inside the answer's range, whatever the counts became", () => {
    const { state, at } = reviewCardAt(3, SETTINGS);
    const before = (range: DayRange) => Array.from({ length: range.maxDays - range.minDays + 1 }, (_, i) => (i === 0 ? 0 : 50));
    const outcomes = outcomesOf(state, SETTINGS, at);
    const [, , good] = previewBalancedDays({ cardId: "card-a", before: state, outcomes, settings: SETTINGS, now: at, studyDay: STUDY_DAY, dueCounts: before });
    // The answer, a minute later on the same study day, after other answers filled the shown day.
    const later = new Date(at.getTime() + 60_000);
    const result = applyGrade(state, 3, SETTINGS, later);
    const plan = balancePlanOf({ cardId: "card-a", before: state, rating: 3, result, settings: SETTINGS, now: later, studyDay: STUDY_DAY })!;
    const after = plan.levels.map((_, i) => (i === 0 ? 500 : 0));
    expect(good).toBe(plan.range.minDays);
    expect(pickWithPlan(plan, after)).not.toBe(good);
    expect(shownDayIn(plan, good)).toBe(good);
  });

  it("is refused outside the answer's range, and when it is not a whole day or there is no plan", () => {
    const plan = { range: { minDays: 9, maxDays: 13 }, levels: [1, 1, 1, 1, 1], loadBalance: true, draw: 0.5 };
    expect(shownDayIn(plan, 9)).toBe(9);
    expect(shownDayIn(plan, 13)).toBe(13);
    expect(shownDayIn(plan, 8)).toBeNull();
    expect(shownDayIn(plan, 14)).toBeNull();
    expect(shownDayIn(plan, 10.5)).toBeNull();
    expect(shownDayIn(plan, undefined)).toBeNull();
    expect(shownDayIn(plan, null)).toBeNull();
    expect(shownDayIn(null, 10)).toBeNull();
  });
});
