import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { cardControlSchema } from "@/app/lib/schemas/cards";
import { db } from "@/app/lib/server/db";
import { applyCardControl } from "@/app/lib/server/data/card-controls";
import { answerCard } from "@/app/lib/server/data/review";
import { loadCustomQueue } from "@/app/lib/server/data/review-custom-queue";

const unique = () => `custom-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
const now = new Date("2026-05-04T12:00:00Z");
let seq = 0;
const clientId = () => `cs-${Date.now().toString(36)}-${(seq += 1)}`;

async function newUser() {
  return db.user.create({ data: { email: unique(), settings: { create: { timeZone: "UTC", dayStartHour: 4 } } }, select: { id: true } });
}

async function cards(n: number) {
  const rows = await db.card.findMany({
    where: { retiredAt: null, type: "basic", paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    take: n,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function review(userId: string, cardId: string, dueInDays: number) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due: new Date(now.getTime() + dueInDays * DAY),
      stability: 10,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: 2,
      lastReview: new Date(now.getTime() - 5 * DAY),
      version: 2,
    },
  });
}

describe("custom study", () => {
  it("studies ahead the cards due in the next seven days, soonest first, each once", async () => {
    const user = await newUser();
    const [soon, later, tooFar, dueToday, suspended] = await cards(5);
    await review(user.id, soon!, 2);
    await review(user.id, later!, 5);
    await review(user.id, tooFar!, 12);
    await review(user.id, dueToday!, -1);
    await review(user.id, suspended!, 3);
    await applyCardControl(user.id, cardControlSchema.parse({ clientId: clientId(), cardIds: [suspended], action: "suspend" }), now);
    const queue = await loadCustomQueue(user.id, now, "ahead", now);
    expect(queue.cards.map((c) => c.cardId)).toEqual([soon, later]);
    expect(queue.counts).toEqual({ new: 0, learning: 0, review: 2 });

    // Answered ahead of schedule, a card leaves the session.
    const at = new Date(now.getTime() + 60_000);
    await answerCard(sessionOf(user.id), { clientId: clientId(), cardId: soon!, rating: 3, version: 2, answeredAt: at.getTime(), durationMs: 1 }, at);
    expect((await loadCustomQueue(user.id, at, "ahead", now)).cards.map((c) => c.cardId)).toEqual([later]);
  });

  it("keeps an answered card out of the session when the browser's clock is days behind the server's", async () => {
    const user = await newUser();
    const [first, second] = await cards(2);
    await review(user.id, first!, 2);
    await review(user.id, second!, 3);
    const start = now;
    const at = new Date(now.getTime() + 60_000);
    // The browser says it is ten days ago: the answer is dated then (lastReview), saved now.
    const behind = now.getTime() - 10 * DAY;
    await answerCard(sessionOf(user.id), { clientId: clientId(), cardId: first!, rating: 3, version: 2, answeredAt: behind, durationMs: 1 }, at);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: first! } } });
    expect(state.lastReview!.getTime()).toBeLessThan(start.getTime());
    expect((await loadCustomQueue(user.id, at, "ahead", start)).cards.map((c) => c.cardId)).toEqual([second]);
  });

  it("reviews the cards forgotten today again, until each is answered in the session", async () => {
    const user = await newUser();
    const [forgot, passed] = await cards(2);
    await review(user.id, forgot!, -1);
    await review(user.id, passed!, -1);
    const session = sessionOf(user.id);
    const again = await answerCard(session, { clientId: clientId(), cardId: forgot!, rating: 1, version: 2, answeredAt: now.getTime(), durationMs: 1 }, now);
    await answerCard(session, { clientId: clientId(), cardId: passed!, rating: 3, version: 2, answeredAt: now.getTime(), durationMs: 1 }, now);
    const start = new Date(now.getTime() + 20 * 60_000);
    const queue = await loadCustomQueue(user.id, start, "forgotten", start);
    expect(queue.cards.map((c) => c.cardId)).toEqual([forgot]);
    const at = new Date(start.getTime() + 60_000);
    await answerCard(session, { clientId: clientId(), cardId: forgot!, rating: 3, version: again.version, answeredAt: at.getTime(), durationMs: 1 }, at);
    expect((await loadCustomQueue(user.id, at, "forgotten", start)).cards).toEqual([]);
    // The next study day, yesterday's lapses are not "forgotten today".
    const tomorrow = new Date(now.getTime() + DAY);
    expect((await loadCustomQueue(user.id, tomorrow, "forgotten", tomorrow)).cards).toEqual([]);
  });
});
