import { fsrs, generatorParameters, createEmptyCard, Rating, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import { minimumWorkloadPoint, simulateRetention, SIMULATED_RETENTIONS, type RetentionSimulationInput } from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS, DAY } from "./helpers";

const COSTS = { newSeconds: 30, recallSeconds: 6, forgetSeconds: 25 };
const NO_STEPS = { ...BASE_SETTINGS, learningSteps: [], relearningSteps: [] };

describe("simulateRetention", () => {
  it("counts the answers of a card always recalled as ts-fsrs schedules them, their cost, and its R at the end", () => {
    for (const retention of [0.8, 0.9, 0.95]) {
      // Draws of 0: every review is recalled.
      const input: RetentionSimulationInput = { settings: NO_STEPS, cards: [], newCards: 1, newPerDay: 1, costs: COSTS, days: 365, seed: 3, random: () => 0 };
      const point = simulateRetention(input, retention);
      // The same card with ts-fsrs alone, answered good on each due date, the first at 09:00 of day 0.
      const f = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false, learning_steps: [], relearning_steps: [] }));
      const start = Date.UTC(2001, 0, 1) + 9 * 3_600_000;
      let card = f.next(createEmptyCard(new Date(start)), new Date(start), Rating.Good).card;
      let answers = 1;
      const end = Date.UTC(2001, 0, 1) + 365 * DAY;
      while (card.due.getTime() < end) {
        card = f.next(card, card.due, Rating.Good).card;
        answers += 1;
      }
      expect(answers).toBeGreaterThanOrEqual(3);
      expect(point.reviewsPerDay * 365).toBeCloseTo(answers, 9);
      expect(point.minutesPerDay).toBeCloseTo((COSTS.newSeconds + (answers - 1) * COSTS.recallSeconds) / 60 / 365, 12);
      expect(point.knowledge).toBeCloseTo(f.get_retrievability(card, new Date(end), false), 12);
      expect(point.knowledge).toBeCloseTo(forgetting_curve(generatorParameters().w, Math.floor((end - card.last_review!.getTime()) / DAY), card.stability), 10);
    }
  });

  it("costs a forgotten review its own seconds: draws of 1 fail every review", () => {
    const input: RetentionSimulationInput = { settings: NO_STEPS, cards: [{ stability: 10, difficulty: 5, lastReviewDaysAgo: 10, dueInDays: 0 }], newCards: 0, newPerDay: 0, costs: COSTS, days: 1, seed: 1, random: () => 1 };
    // Day 0: the card is due and forgotten (one answer, 25 s); without relearning steps it is due tomorrow.
    expect(simulateRetention(input, 0.9)).toMatchObject({ reviewsPerDay: 1, minutesPerDay: 25 / 60 });
  });

  it("gives the same figures for the same seed, with R of one card between 0 and 1", () => {
    // One review card, S = 10, due today: reviewed on day 0 first.
    const input: RetentionSimulationInput = {
      settings: NO_STEPS,
      cards: [{ stability: 10, difficulty: 5, lastReviewDaysAgo: 10, dueInDays: 0 }],
      newCards: 0,
      newPerDay: 20,
      costs: COSTS,
      days: 30,
      seed: 11,
    };
    const a = simulateRetention(input, 0.9);
    expect(a).toEqual(simulateRetention(input, 0.9)); // seeded: the same every time
    expect(a.reviewsPerDay * 30).toBeGreaterThanOrEqual(1);
    expect(a.knowledge).toBeGreaterThan(0);
    expect(a.knowledge).toBeLessThanOrEqual(1);
  });

  it("costs more a day and keeps more knowledge as the desired retention rises, and marks the least minutes per knowledge", () => {
    const input: RetentionSimulationInput = { settings: BASE_SETTINGS, cards: [], newCards: 300, newPerDay: 3, costs: COSTS, days: 365, seed: 7 };
    const points = SIMULATED_RETENTIONS.filter((_, i) => i % 3 === 0 || i === SIMULATED_RETENTIONS.length - 1).map((r) => simulateRetention(input, r));
    const low = points[0]!;
    const high = points[points.length - 1]!;
    expect(high.minutesPerDay).toBeGreaterThan(low.minutesPerDay);
    expect(high.knowledge).toBeGreaterThan(low.knowledge);
    const best = minimumWorkloadPoint(points)!;
    expect(points.every((p) => p.minutesPerKnowledge >= best.minutesPerKnowledge)).toBe(true);
    // Neither end: very low retention relearns too much, very high reviews too often.
    expect(best.desiredRetention).toBeGreaterThan(0.7);
    expect(best.desiredRetention).toBeLessThan(0.97);
  }, 60_000);
});
