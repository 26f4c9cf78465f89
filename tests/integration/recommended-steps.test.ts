import { randomUUID } from "node:crypto";
import { computeOptimalSteps } from "@open-spaced-repetition/binding";
import { generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/app/lib/domain/random";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { exportReviewLogCsv } from "@/app/lib/server/data/review-csv";
import { MIN_STEP_REVIEWS, recommendedSteps } from "@/app/lib/server/recommended-steps";
import { sessionOf } from "./helpers/fresh-database";

const DAY = 86_400_000;

describe("recommended learning steps from the user's own short-term answers", () => {
  it("are the binding's computeOptimalSteps on the user's log, as settings steps", async () => {
    const user = await db.user.create({
      data: { email: `steps-${randomUUID()}@example.test`, settings: { create: { timeZone: "UTC", dayStartHour: 4 } } },
      select: { id: true },
    });
    const random = mulberry32(4);
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 300, select: { id: true } })).map((c) => c.id);
    // Each card learnt through the steps (1m 10m): again or good at each step, then reviewed a few days later.
    let at = Date.UTC(2026, 0, 5, 9);
    for (const cardId of cards) {
      let version = 0;
      let due = at;
      for (let k = 0; k < 6; k += 1) {
        at = Math.max(at + 1000, due) + Math.floor(random() * 300_000);
        const rating = random() < 0.25 ? 1 : 3;
        const result = await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId, rating, version, answeredAt: at, durationMs: 3000 }, new Date(at));
        version = result.version;
        due = result.due.getTime();
        if (due - at > 2 * DAY) break;
      }
      at = Date.UTC(2026, 0, 5, 9) + Math.floor(random() * 20 * DAY);
    }
    const steps = await recommendedSteps(user.id);
    const direct = computeOptimalSteps(Buffer.from(await exportReviewLogCsv(user.id)), 0.9, [...generatorParameters().w]);
    expect(steps.basedOn).toBeGreaterThan(100);
    expect(steps).toMatchObject({ enoughData: true, minimum: MIN_STEP_REVIEWS });
    expect(steps.learning).toHaveLength(direct.recommendedLearningSteps.length);
    for (const [i, step] of steps.learning.entries()) {
      expect(step).toMatch(/^\d+[mh]$/);
      const seconds = direct.recommendedLearningSteps[i]!;
      expect(Number(step.slice(0, -1)) * (step.endsWith("h") ? 3600 : 60)).toBeCloseTo(seconds, -2);
    }
    expect(steps.relearning).toHaveLength(direct.recommendedRelearningSteps.length);
  }, 120_000);

  it("say when there are too few same-day answers to recommend anything", async () => {
    const user = await db.user.create({
      data: { email: `steps-few-${randomUUID()}@example.test`, settings: { create: { timeZone: "UTC", dayStartHour: 4 } } },
      select: { id: true },
    });
    expect(await recommendedSteps(user.id)).toEqual({ learning: [], relearning: [], basedOn: 0, enoughData: false, minimum: MIN_STEP_REVIEWS });
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 5, select: { id: true } })).map((c) => c.id);
    let at = Date.UTC(2026, 1, 2, 9);
    for (const cardId of cards) {
      // Again, then Good ten minutes later: two same-day answers a card.
      const first = await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId, rating: 1, version: 0, answeredAt: at, durationMs: 3000 }, new Date(at));
      at += 600_000;
      await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId, rating: 3, version: first.version, answeredAt: at, durationMs: 3000 }, new Date(at));
      at += 60_000;
    }
    const few = await recommendedSteps(user.id);
    expect(few.enoughData).toBe(false);
    expect(few.basedOn).toBeLessThan(MIN_STEP_REVIEWS);
  });
});
