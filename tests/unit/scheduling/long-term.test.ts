/**
 * FSRS's long-term-only mode (`enableShortTerm: false`), checked against ts-fsrs's own
 * long-term scheduler tests (packages/fsrs/__tests__/impl/long-term_scheduler.test.ts): the
 * same weights, start and answers, through our scheduler, give the same intervals, stabilities
 * and difficulties.
 */
import { describe, expect, it } from "vitest";

import {
  applyGrade,
  newCardState,
  previewOutcomes,
  rescheduleFromLogs,
  retrievability,
  SchedulerSettingsError,
  validateSchedulerSettings,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
  type StoredReviewLog,
} from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS } from "./helpers";

/** The FSRS-5 weights of ts-fsrs's long-term tests (19: converted to FSRS-6's 21 as ts-fsrs does). */
const W = [
  0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178, 2.0225, 0.0904,
  0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
];
const LONG_TERM: SchedulerSettings = { ...BASE_SETTINGS, parameters: W, enableShortTerm: false };
const START = new Date(Date.UTC(2022, 11, 29, 12, 30));

/** Answers a new card with `ratings`, each when the card comes due, as ts-fsrs's tests do. */
function run(ratings: ReviewRating[], settings: SchedulerSettings = LONG_TERM) {
  let state: StoredCardState = newCardState(START);
  let now = START;
  const out = { ivl: [] as number[], s: [] as number[], d: [] as number[], logs: [] as StoredReviewLog[], state };
  for (const rating of ratings) {
    const { next, log } = applyGrade(state, rating, settings, now);
    out.ivl.push(next.scheduledDays);
    out.s.push(next.stability);
    out.d.push(next.difficulty);
    out.logs.push(log);
    state = next;
    now = next.due;
  }
  out.state = state;
  return out;
}

describe("long-term-only mode, as ts-fsrs's long-term scheduler tests", () => {
  it("test1: good ×6, again ×2, good ×5", () => {
    const r = run([3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3]);
    expect(r.ivl).toEqual([3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773]);
    expect(r.s).toEqual([
      3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166, 3.01732209,
      11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648,
    ]);
    expect(r.d).toEqual([
      4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071, 5.55956298, 5.26323756,
      4.98688448, 4.72915759, 4.4888015, 4.26464541,
    ]);
  });

  it("test2: again, hard, good, easy twice", () => {
    const r = run([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(r.ivl).toEqual([1, 2, 6, 41, 4, 7, 21, 133]);
    expect(r.s).toEqual([0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454]);
    expect(r.d).toEqual([7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547]);
  });

  it("test3: hard, good, easy, again twice", () => {
    const r = run([2, 3, 4, 1, 2, 3, 4, 1]);
    expect(r.ivl).toEqual([2, 7, 54, 5, 8, 26, 171, 8]);
    expect(r.s).toEqual([1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166, 8.11072373]);
    expect(r.d).toEqual([6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736, 5.71619151]);
  });

  it("test4: good, easy, again, hard twice", () => {
    const r = run([3, 4, 1, 2, 3, 4, 1, 2]);
    expect(r.ivl).toEqual([3, 33, 4, 7, 26, 193, 9, 14]);
    expect(r.s).toEqual([3.0412, 32.65484522, 4.22256838, 7.2325009, 25.52681746, 193.36618775, 8.63899847, 14.31323867]);
    expect(r.d).toEqual([4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878, 5.34697075]);
  });

  it("test5: easy, again, hard, good twice", () => {
    const r = run([4, 1, 2, 3, 4, 1, 2, 3]);
    expect(r.ivl).toEqual([15, 3, 6, 27, 240, 10, 17, 60]);
    expect(r.s).toEqual([15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531, 59.59547542]);
    expect(r.d).toEqual([1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158, 4.24020203]);
  });

  it("switches between the modes answer by answer as ts-fsrs does", () => {
    // Good(short) → Good(long) → Again(long) → Good(long) → Good(short) → Again(short)
    const grades: ReviewRating[] = [3, 3, 1, 3, 3, 1];
    const shortTerm = [true, false, false, false, true, true];
    let state = newCardState(START);
    let now = START;
    const ivl: number[] = [];
    const s: number[] = [];
    const d: number[] = [];
    const states: string[] = [];
    grades.forEach((rating, i) => {
      state = applyGrade(state, rating, { ...BASE_SETTINGS, parameters: W, enableShortTerm: shortTerm[i] ?? true }, now).next;
      now = state.due;
      ivl.push(state.scheduledDays);
      s.push(state.stability);
      d.push(state.difficulty);
      states.push(state.state);
    });
    expect(ivl).toEqual([0, 4, 1, 5, 19, 0]);
    expect(s).toEqual([3.0412, 3.0412, 1.21778427, 4.73753014, 19.02294877, 3.20676576]);
    expect(d).toEqual([4.49094334, 4.26664289, 5.24649844, 4.97127357, 4.71459886, 5.57136081]);
    expect(states).toEqual(["learning", "review", "review", "review", "review", "relearning"]);
  });

  it("reads a card answered again ten minutes ago as fully retrievable", () => {
    const settings: SchedulerSettings = {
      ...BASE_SETTINGS,
      enableShortTerm: false,
      parameters: [
        0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953,
        0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
      ],
    };
    const at = new Date("2024-08-03T18:15:34.500Z");
    const card = applyGrade(newCardState(at), 1, settings, at).next;
    expect(retrievability(card, settings, new Date("2024-08-03T18:25:34.500Z"))).toBe(1);
  });
});

describe("long-term-only mode in the app", () => {
  it("never uses the learning steps: every answer to a new card is due a day or more later", () => {
    for (const outcome of previewOutcomes(newCardState(START), LONG_TERM, START)) {
      expect(outcome.next.state).toBe("review");
      expect(outcome.intervalMs).toBeGreaterThanOrEqual(86_400_000);
    }
  });

  it("keeps the stability of a card answered good again on the same day", () => {
    const first = applyGrade(newCardState(START), 3, LONG_TERM, START).next;
    const again = applyGrade(first, 3, LONG_TERM, new Date(START.getTime() + 10 * 60_000)).next;
    expect(again.stability).toBe(first.stability);
  });

  it("gives back the stored state when a history is replayed with it", () => {
    const r = run([3, 1, 2, 3, 4, 1, 3]);
    expect(rescheduleFromLogs(r.logs, LONG_TERM)).toEqual(r.state);
    // With short-term on, the same answers give another state: the option is really read.
    expect(rescheduleFromLogs(r.logs, { ...LONG_TERM, enableShortTerm: true })).not.toEqual(r.state);
  });

  it("is checked like the other settings", () => {
    expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, enableShortTerm: "no" as unknown as boolean })).toThrow(
      SchedulerSettingsError,
    );
  });
});
