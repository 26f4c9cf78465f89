import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { retentionSimulationInput } from "@/app/lib/server/data/retention-simulation";
import { studiedCardCount } from "@/app/lib/server/data/settings";
import { sessionOf } from "./helpers/fresh-database";

const DAY = 86_400_000;

describe("the optimal-retention simulation's input", () => {
  it("holds the user's review cards relative to now, their unstudied cards, their new-card limit and their answer times", async () => {
    const user = await db.user.create({
      data: { email: `sim-${randomUUID()}@example.test`, settings: { create: { timeZone: "UTC", newPerDay: 7, learningSteps: [] } } },
      select: { id: true },
    });
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 12, select: { id: true } })).map((c) => c.id);
    const at = Date.UTC(2026, 5, 1, 9);
    for (const [i, cardId] of cards.entries()) {
      // New cards answered good take 12 s each: the median of "new" answers.
      await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId, rating: 3, version: 0, answeredAt: at + i * 1000, durationMs: 12_000 }, new Date(at + i * 1000));
    }
    const now = new Date(at + 3 * DAY);
    const input = await retentionSimulationInput(user.id, now);
    const states = await db.cardState.findMany({ where: { userId: user.id, state: 2 } });
    expect(input.cards).toHaveLength(states.length);
    expect(states.length).toBe(12);
    const first = states.find((s) => s.lastReview!.getTime() === at)!;
    expect(input.cards).toContainEqual({
      stability: first.stability,
      difficulty: first.difficulty,
      lastReviewDaysAgo: 3,
      dueInDays: (first.due.getTime() - now.getTime()) / DAY,
    });
    expect(input.newPerDay).toBe(7);
    expect(input.newCards).toBe((await studiedCardCount(user.id, true)) - 12);
    expect(input.costs).toEqual({ newSeconds: 12, recallSeconds: 8, forgetSeconds: 20 });
    expect(input.settings.desiredRetention).toBe(0.9);
  });
});
