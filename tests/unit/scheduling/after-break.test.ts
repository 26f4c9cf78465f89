import { forgetting_curve, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import {
  applyGrade,
  daysUntilRetrievability,
  newCardState,
  planBreak,
  retrievability,
  type BreakCard,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS, DAY, T0 } from "./helpers";

const W = generatorParameters().w;
const NOW = new Date(T0.getTime() + 200 * DAY);
const NEXT_DAY = new Date(NOW.getTime() + 10 * 3_600_000);

/** A review card last reviewed `ago` days before NOW with stability `s`, due `dueIn` days from NOW. */
function card(id: string, s: number, ago: number, dueIn: number): BreakCard {
  const lastReview = new Date(NOW.getTime() - ago * DAY);
  const state: StoredCardState = {
    ...applyGrade(newCardState(T0), 3, BASE_SETTINGS, T0).next,
    state: "review",
    stability: s,
    difficulty: 5,
    lastReview,
    scheduledDays: ago + dueIn,
    due: new Date(NOW.getTime() + dueIn * DAY),
  };
  return { cardId: id, version: 2, state };
}

describe("daysUntilRetrievability", () => {
  it("inverts ts-fsrs's forgetting curve", () => {
    for (const [s, r] of [[1, 0.9], [10, 0.8], [37.5, 0.75], [250, 0.95]] as const) {
      const t = daysUntilRetrievability(null, s, r);
      expect(forgetting_curve(W, t, s)).toBeCloseTo(r, 10);
    }
    expect(daysUntilRetrievability(null, 12, 0.9)).toBeCloseTo(12, 10);
  });
});

describe("I was away (postpone)", () => {
  const cards = [
    card("a", 30, 28, -1), // due yesterday, R still high
    card("b", 30, 60, -30), // overdue long: R under the floor
    card("c", 100, 80, 0), // due today, R highest
    card("d", 30, 10, 20), // not due
  ];

  it("moves only due cards still above the floor, least urgent first, to the day R reaches the floor", () => {
    const moves = planBreak("postpone", cards, BASE_SETTINGS, { limit: 10, floor: 0.85, now: NOW, nextDayStart: NEXT_DAY });
    expect(moves.map((m) => m.cardId)).toEqual(["c", "a"]);
    for (const move of moves) {
      const before = cards.find((c) => c.cardId === move.cardId)!.state;
      expect(move.retrievability).toBeCloseTo(retrievability(before, BASE_SETTINGS, NOW), 12);
      expect(move.retrievability).toBeGreaterThan(0.85);
      expect(move.due.getTime()).toBeGreaterThanOrEqual(NEXT_DAY.getTime());
      expect(move.due.getTime()).toBe(before.lastReview!.getTime() + move.scheduledDays * DAY);
      // On its new day the card is at the floor (a day's rounding below it at most).
      expect(forgetting_curve(W, move.scheduledDays, before.stability)).toBeGreaterThanOrEqual(0.85);
      expect(forgetting_curve(W, move.scheduledDays + 1, before.stability)).toBeLessThan(0.85);
    }
  });

  it("takes at most the limit, and nothing below the floor", () => {
    expect(planBreak("postpone", cards, BASE_SETTINGS, { limit: 1, floor: 0.85, now: NOW, nextDayStart: NEXT_DAY }).map((m) => m.cardId)).toEqual(["c"]);
    expect(planBreak("postpone", cards, BASE_SETTINGS, { limit: 10, floor: 0.99, now: NOW, nextDayStart: NEXT_DAY })).toEqual([]);
  });

  it("never moves a card past the maximum interval, nor before tomorrow", () => {
    const [move] = planBreak("postpone", [card("c", 100, 80, 0)], { ...BASE_SETTINGS, maximumInterval: 90 }, { limit: 1, floor: 0.7, now: NOW, nextDayStart: NEXT_DAY });
    expect(move!.scheduledDays).toBe(90);
  });
});

describe("I have time (advance)", () => {
  it("makes the not-yet-due cards whose R fell furthest due now, lowest R first", () => {
    const cards = [card("x", 5, 4, 1), card("y", 50, 4, 40), card("z", 20, 15, 2), card("due", 5, 9, -1)];
    const moves = planBreak("advance", cards, BASE_SETTINGS, { limit: 2, now: NOW, nextDayStart: NEXT_DAY });
    expect(moves.map((m) => m.cardId)).toEqual(["x", "z"]);
    expect(moves[0]!.retrievability).toBeLessThan(moves[1]!.retrievability);
    expect(moves.every((m) => m.due.getTime() === NOW.getTime())).toBe(true);
    expect(moves.map((m) => m.scheduledDays)).toEqual([4, 15]);
  });
});
