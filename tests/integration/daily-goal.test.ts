import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { dailyGoalToday } from "@/app/lib/server/data/daily-goal";
import { getProgressDashboard } from "@/app/lib/server/data/progress";
import { getUserSettings, saveDailyGoal } from "@/app/lib/server/data/settings";

const unique = () => `goal-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function newUser() {
  return db.user.create({ data: { email: unique(), settings: { create: { timeZone: "UTC", dayStartHour: 4 } } }, select: { id: true } });
}

async function addReviews(userId: string, at: Date, n: number, durationMs: number) {
  const card = await db.card.findFirstOrThrow({ where: { retiredAt: null, paper: { retiredAt: null } }, select: { id: true } });
  await db.reviewLog.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      clientId: randomUUID(),
      userId,
      cardId: card.id,
      rating: 3,
      state: 2,
      due: at,
      stability: 10,
      difficulty: 5,
      elapsedDays: 5,
      lastElapsedDays: 0,
      scheduledDays: 10,
      learningSteps: 0,
      reviewedAt: new Date(at.getTime() + i * 1000),
      durationMs,
      previous: {},
    })),
  });
}

describe("the daily goal", () => {
  it("is off by default and for a user who clears it", async () => {
    const user = await newUser();
    expect(await dailyGoalToday(user.id, new Date())).toBeNull();
    await saveDailyGoal(user.id, { kind: "reviews", target: 30 });
    await saveDailyGoal(user.id, { kind: "none", target: 30 });
    expect(await getUserSettings(user.id)).toMatchObject({ dailyGoalKind: "none", dailyGoal: 0 });
    expect(await dailyGoalToday(user.id, new Date())).toBeNull();
  });

  it("counts today's reviews and time from the study day's start, not yesterday's", async () => {
    const user = await newUser();
    await saveDailyGoal(user.id, { kind: "minutes", target: 5 });
    const now = new Date("2031-05-10T12:00:00Z");
    await addReviews(user.id, new Date("2031-05-10T03:00:00Z"), 4, 60_000); // before 04:00: yesterday
    await addReviews(user.id, new Date("2031-05-10T09:00:00Z"), 3, 30_000);
    expect(await dailyGoalToday(user.id, now)).toEqual({ goal: { kind: "minutes", target: 5 }, reviews: 3, ms: 90_000 });
  });

  it("marks the heatmap's days that met the goal", async () => {
    const user = await newUser();
    await saveDailyGoal(user.id, { kind: "reviews", target: 3 });
    const now = new Date();
    const yesterday = new Date(now.getTime() - 86_400_000);
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
    await addReviews(user.id, yesterday, 3, 1000);
    await addReviews(user.id, twoDaysAgo, 2, 1000);
    const d = await getProgressDashboard(user.id, now);
    expect(d.goal?.goal).toEqual({ kind: "reviews", target: 3 });
    expect(d.goal?.days).toHaveLength(1);
    const cell = d.heatmap.find((c) => c.day === d.goal?.days[0]);
    expect(cell?.count).toBe(3);
  });
});
