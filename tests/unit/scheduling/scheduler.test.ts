import {
  createEmptyCard,
  default_w,
  forgetting_curve,
  Rating,
  type Card,
  type Grade,
} from "ts-fsrs";
import { describe, expect, it } from "vitest";

import {
  applyGrade,
  newCardState,
  predictedRetention,
  previewOutcomes,
  rescheduleFromLogs,
  retrievability,
  SchedulerSettingsError,
  SchedulingInputError,
  validateSchedulerSettings,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
  type StoredReviewLog,
} from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS, DAY, directScheduler, HOUR, storedFromCard, T0 } from "./helpers";

const GRADES: Record<ReviewRating, Grade> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy,
};

/** Review times: each answer a fixed offset after the card became due (learning steps on time). */
function reviewTimeAfter(state: StoredCardState, lateness: number): Date {
  return new Date(state.due.getTime() + (state.state === "review" ? lateness : 0));
}

interface Run {
  states: StoredCardState[];
  logs: StoredReviewLog[];
  times: Date[];
}

function runOurs(ratings: ReviewRating[], settings: SchedulerSettings, lateness = 5 * HOUR): Run {
  let state = newCardState(T0);
  const run: Run = { states: [state], logs: [], times: [] };
  for (const rating of ratings) {
    const now = state.reps === 0 ? T0 : reviewTimeAfter(state, lateness);
    const { next, log } = applyGrade(state, rating, settings, now);
    run.states.push(next);
    run.logs.push(log);
    run.times.push(now);
    state = next;
  }
  return run;
}

function runDirect(ratings: ReviewRating[], times: Date[], settings: SchedulerSettings): Card[] {
  const f = directScheduler(settings);
  let card = createEmptyCard(T0);
  const cards = [card];
  ratings.forEach((rating, i) => {
    card = f.next(card, times[i] ?? T0, GRADES[rating]).card;
    cards.push(card);
  });
  return cards;
}

const SEQUENCES: { name: string; ratings: ReviewRating[] }[] = [
  { name: "good all the way", ratings: [3, 3, 3, 3, 3, 3] },
  { name: "a lapse after three reviews", ratings: [3, 3, 3, 3, 1, 3, 3, 3] },
  { name: "hard and easy mixed", ratings: [2, 3, 4, 2, 3, 1, 1, 3, 4] },
  { name: "easy from the start", ratings: [4, 4, 4, 4] },
];

const CUSTOM_WEIGHTS = default_w.map((w, i) => (i === 8 ? w * 1.1 : i === 20 ? 0.2 : w));

const SETTINGS_VARIANTS: { name: string; settings: SchedulerSettings }[] = [
  { name: "defaults", settings: BASE_SETTINGS },
  {
    name: "85 % retention, 1 year cap",
    settings: { ...BASE_SETTINGS, desiredRetention: 0.85, maximumInterval: 365 },
  },
  { name: "fuzz on", settings: { ...BASE_SETTINGS, enableFuzz: true } },
  {
    name: "fitted weights and 1h/1d steps",
    settings: {
      ...BASE_SETTINGS,
      parameters: CUSTOM_WEIGHTS,
      learningSteps: ["1h"],
      relearningSteps: ["30m", "1h"],
    },
  },
];

describe("applyGrade", () => {
  for (const { name: settingsName, settings } of SETTINGS_VARIANTS) {
    for (const { name, ratings } of SEQUENCES) {
      it(`gives the same states and intervals as ts-fsrs for ${name} with ${settingsName}`, () => {
        const ours = runOurs(ratings, settings);
        const direct = runDirect(ratings, ours.times, settings).map(storedFromCard);
        expect(ours.states).toEqual(direct);
      });
    }
  }

  it("rejects a rating outside 1..4 with a named error", () => {
    const card = newCardState(T0);
    expect(() => applyGrade(card, 0 as ReviewRating, BASE_SETTINGS, T0)).toThrow(
      SchedulingInputError,
    );
    expect(() => applyGrade(card, 5 as ReviewRating, BASE_SETTINGS, T0)).toThrow(/rating/);
  });

  it("refuses an answer dated before the card's last review", () => {
    const { next } = applyGrade(newCardState(T0), 3, BASE_SETTINGS, T0);
    expect(() => applyGrade(next, 3, BASE_SETTINGS, new Date(T0.getTime() - 1000))).toThrow(
      SchedulingInputError,
    );
  });

  it("does not change the state it was given", () => {
    const state = newCardState(T0);
    const copy = structuredClone(state);
    applyGrade(state, 1, BASE_SETTINGS, T0);
    expect(state).toEqual(copy);
  });

  it("writes the state before the answer into the log", () => {
    const [, second] = runOurs([3, 3], BASE_SETTINGS).states;
    if (!second) throw new Error("setup");
    const now = second.due;
    const { log } = applyGrade(second, 4, BASE_SETTINGS, now);
    expect(log).toMatchObject({
      rating: 4,
      state: second.state,
      due: second.due,
      lastReview: second.lastReview,
      stability: second.stability,
      difficulty: second.difficulty,
      lastElapsedDays: second.elapsedDays,
      scheduledDays: second.scheduledDays,
      learningSteps: second.learningSteps,
      lapses: second.lapses,
      reviewedAt: now,
    });
  });
});

describe("learning steps 1m / 10m (ts-fsrs ≥ 5.3.1)", () => {
  const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

  it("again on a new card shows it again after the first step", () => {
    const { next } = applyGrade(newCardState(T0), 1, BASE_SETTINGS, T0);
    expect(next).toMatchObject({
      state: "learning",
      learningSteps: 0,
      due: at(1),
      scheduledDays: 0,
    });
  });

  it("hard on the first step waits the average of the first two steps", () => {
    const { next } = applyGrade(newCardState(T0), 2, BASE_SETTINGS, T0);
    expect(next).toMatchObject({ state: "learning", learningSteps: 0, due: at(6) });
  });

  it("good on the first step moves to the second step instead of graduating", () => {
    const first = applyGrade(newCardState(T0), 3, BASE_SETTINGS, T0).next;
    expect(first).toMatchObject({ state: "learning", learningSteps: 1, due: at(10) });
  });

  it("good on the last step graduates to review in days", () => {
    const first = applyGrade(newCardState(T0), 3, BASE_SETTINGS, T0).next;
    const second = applyGrade(first, 3, BASE_SETTINGS, first.due).next;
    expect(second.state).toBe("review");
    expect(second.learningSteps).toBe(0);
    expect(second.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(second.due.getTime() - first.due.getTime()).toBe(second.scheduledDays * DAY);
  });

  it("again on any step resets to the first step", () => {
    const first = applyGrade(newCardState(T0), 3, BASE_SETTINGS, T0).next;
    const again = applyGrade(first, 1, BASE_SETTINGS, first.due).next;
    expect(again).toMatchObject({
      state: "learning",
      learningSteps: 0,
      due: new Date(first.due.getTime() + 60_000),
    });
  });

  it("easy on a new card skips the steps", () => {
    const { next } = applyGrade(newCardState(T0), 4, BASE_SETTINGS, T0);
    expect(next.state).toBe("review");
  });

  it("again on a review card counts a lapse and relearns after ten minutes", () => {
    const graduated = runOurs([3, 3], BASE_SETTINGS).states[2];
    if (!graduated) throw new Error("setup");
    const now = graduated.due;
    const { next } = applyGrade(graduated, 1, BASE_SETTINGS, now);
    expect(next).toMatchObject({
      state: "relearning",
      lapses: 1,
      learningSteps: 0,
      due: new Date(now.getTime() + 10 * 60_000),
    });
  });

  it("with no learning steps FSRS schedules from the first answer", () => {
    const { next } = applyGrade(newCardState(T0), 1, { ...BASE_SETTINGS, learningSteps: [] }, T0);
    expect(next.state).toBe("review");
    expect(next.scheduledDays).toBeGreaterThanOrEqual(1);
  });
});

describe("previewOutcomes", () => {
  it("labels the buttons of a new card 1m, 6m, 10m and 8d with the default weights", () => {
    const outcomes = previewOutcomes(newCardState(T0), BASE_SETTINGS, T0);
    expect(outcomes.map((o) => o.label)).toEqual(["1m", "6m", "10m", "8d"]);
    expect(outcomes.map((o) => o.rating)).toEqual([1, 2, 3, 4]);
  });

  it("predicts exactly what applying each answer does, and what ts-fsrs repeat gives", () => {
    const state = runOurs([3, 3, 3], BASE_SETTINGS).states[3];
    if (!state) throw new Error("setup");
    const now = new Date(state.due.getTime() + 2 * DAY);
    const preview = previewOutcomes(state, BASE_SETTINGS, now);
    const direct = directScheduler(BASE_SETTINGS).repeat(createEmptyCardLike(state), now);
    for (const outcome of preview) {
      expect(outcome).toEqual({
        ...applyGrade(state, outcome.rating, BASE_SETTINGS, now),
        rating: outcome.rating,
        intervalMs: outcome.next.due.getTime() - now.getTime(),
        label: outcome.label,
      });
      expect(outcome.next).toEqual(storedFromCard(direct[GRADES[outcome.rating]].card));
    }
  });
});

/** The ts-fsrs card for a stored state, built by hand in the test. */
function createEmptyCardLike(state: StoredCardState): Card {
  const states = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: states[state.state],
    ...(state.lastReview ? { last_review: state.lastReview } : {}),
  };
}

describe("fuzz", () => {
  const fuzzy: SchedulerSettings = { ...BASE_SETTINGS, enableFuzz: true };

  it("gives the same interval for the same card, answer and time", () => {
    const a = runOurs([3, 3, 3, 3, 3], fuzzy);
    const b = runOurs([3, 3, 3, 3, 3], fuzzy);
    expect(a.states).toEqual(b.states);
  });

  it("agrees between the preview and the applied answer", () => {
    const state = runOurs([3, 3, 3, 3], fuzzy).states[4];
    if (!state) throw new Error("setup");
    const now = state.due;
    const preview = previewOutcomes(state, fuzzy, now);
    for (const rating of [2, 3, 4] as const) {
      expect(applyGrade(state, rating, fuzzy, now).next).toEqual(preview[rating - 1]?.next);
    }
  });

  it("spreads intervals: review times a few minutes apart get different long intervals", () => {
    const state = runOurs([3, 3, 3, 3], BASE_SETTINGS).states[4];
    if (!state) throw new Error("setup");
    const intervals = new Set(
      Array.from(
        { length: 20 },
        (_, i) =>
          applyGrade(state, 3, fuzzy, new Date(state.due.getTime() + i * 60_000)).next
            .scheduledDays,
      ),
    );
    expect(intervals.size).toBeGreaterThan(1);
  });
});

describe("rescheduleFromLogs", () => {
  it("reproduces the current state when replayed with the same settings", () => {
    for (const settings of [BASE_SETTINGS, { ...BASE_SETTINGS, enableFuzz: true }]) {
      const run = runOurs([3, 3, 2, 1, 3, 3, 4], settings);
      expect(rescheduleFromLogs(run.logs, settings)).toEqual(run.states[run.states.length - 1]);
    }
  });

  it("matches ts-fsrs reschedule when replayed with new weights and retention", () => {
    const run = runOurs([3, 3, 2, 1, 3, 3, 4], BASE_SETTINGS);
    const newSettings: SchedulerSettings = {
      ...BASE_SETTINGS,
      desiredRetention: 0.8,
      parameters: CUSTOM_WEIGHTS,
    };
    const first = run.times[0];
    const last = run.times[run.times.length - 1];
    if (!first || !last) throw new Error("setup");
    const { collections } = directScheduler(newSettings).reschedule(
      createEmptyCard(first),
      run.logs.map((log) => ({ rating: GRADES[log.rating], review: log.reviewedAt })),
      { first_card: createEmptyCard(first), now: last },
    );
    const expected = collections[collections.length - 1]?.card;
    if (!expected) throw new Error("setup");
    const replayed = rescheduleFromLogs(run.logs, newSettings);
    expect(replayed).toEqual(storedFromCard(expected));
    expect(replayed?.due).not.toEqual(run.states[run.states.length - 1]?.due);
  });

  it("replays a reset in the history as a reset", () => {
    const run = runOurs([3, 3, 1, 3], BASE_SETTINGS);
    const lapsed = run.states[4];
    if (!lapsed) throw new Error("setup");
    const resetAt = new Date(lapsed.due.getTime() + DAY);
    // A reset as an imported log shows one: ts-fsrs forget, counts kept.
    const reset = storedFromCard(directScheduler(BASE_SETTINGS).forget(createEmptyCardLike(lapsed), resetAt, false).card);
    const after = applyGrade(reset, 3, BASE_SETTINGS, resetAt);
    expect(rescheduleFromLogs([...run.logs, after.log], BASE_SETTINGS)).toEqual(after.next);
  });

  it("returns null for a card without history and refuses logs out of order", () => {
    expect(rescheduleFromLogs([], BASE_SETTINGS)).toBeNull();
    const { logs } = runOurs([3, 3, 3], BASE_SETTINGS);
    expect(() => rescheduleFromLogs([...logs].reverse(), BASE_SETTINGS)).toThrow(
      SchedulingInputError,
    );
  });
});

describe("retrievability", () => {
  it("is what ts-fsrs get_retrievability says", () => {
    const state = runOurs([3, 3, 3], BASE_SETTINGS).states[3];
    if (!state) throw new Error("setup");
    const f = directScheduler(BASE_SETTINGS);
    for (const days of [0, 1, 5, 30]) {
      const now = new Date(state.due.getTime() + days * DAY);
      expect(retrievability(state, BASE_SETTINGS, now)).toBe(
        f.get_retrievability(createEmptyCardLike(state), now, false),
      );
    }
  });

  it("is 0 for a new card and about the desired retention when a review comes due", () => {
    expect(retrievability(newCardState(T0), BASE_SETTINGS, T0)).toBe(0);
    const state = runOurs([3, 3, 3, 3], BASE_SETTINGS).states[4];
    if (!state) throw new Error("setup");
    expect(retrievability(state, BASE_SETTINGS, state.due)).toBeCloseTo(0.9, 1);
  });

  it("predictedRetention is 0.9 after exactly S days and follows the FSRS-6 curve", () => {
    expect(predictedRetention(null, 12.5, 12.5)).toBeCloseTo(0.9, 8);
    expect(predictedRetention(null, 0, 3)).toBe(1);
    expect(predictedRetention(CUSTOM_WEIGHTS, 10, 4)).toBe(forgetting_curve(CUSTOM_WEIGHTS, 10, 4));
  });
});

describe("validateSchedulerSettings", () => {
  const bad: [string, Partial<SchedulerSettings>][] = [
    ["desiredRetention", { desiredRetention: 0.69 }],
    ["desiredRetention", { desiredRetention: 0.995 }],
    ["desiredRetention", { desiredRetention: Number.NaN }],
    ["maximumInterval", { maximumInterval: 0 }],
    ["maximumInterval", { maximumInterval: 10.5 }],
    ["learningSteps[1]", { learningSteps: ["1m", "10x"] }],
    ["learningSteps[0]", { learningSteps: ["1.5m"] }],
    ["relearningSteps[0]", { relearningSteps: ["0m"] }],
    ["parameters", { parameters: [1, 2, 3] }],
    [
      "parameters[3]",
      { parameters: default_w.map((w, i) => (i === 3 ? Number.POSITIVE_INFINITY : w)) },
    ],
  ];
  for (const [field, patch] of bad) {
    it(`rejects ${JSON.stringify(patch)} naming ${field}`, () => {
      const attempt = () => validateSchedulerSettings({ ...BASE_SETTINGS, ...patch });
      expect(attempt).toThrow(SchedulerSettingsError);
      try {
        attempt();
      } catch (error) {
        expect(error).toMatchObject({ name: "SchedulerSettingsError", field });
      }
    });
  }

  it("accepts the edges of the ranges, 1h/1d steps, 21 weights and an empty weight list", () => {
    for (const patch of [
      { desiredRetention: 0.7 },
      { desiredRetention: 0.99 },
      { maximumInterval: 1 },
      { learningSteps: ["1h", "1d"], relearningSteps: [] },
      { parameters: [...default_w] },
      { parameters: [] },
    ]) {
      expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, ...patch })).not.toThrow();
    }
  });

  it("is applied by every scheduling call", () => {
    expect(() =>
      previewOutcomes(newCardState(T0), { ...BASE_SETTINGS, desiredRetention: 0.5 }, T0),
    ).toThrow(SchedulerSettingsError);
  });
});
