import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import type { AnswerInput } from "@/app/lib/schemas/review";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";

const unique = () => `siblings-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
const now = new Date("2026-03-10T12:00:00Z");

/** The one call of the answer path (its session argument is changing on another branch). */
function answer(userId: string, input: AnswerInput, at: Date) {
  return answerCard(sessionOf(userId), input, at);
}

/** A reverse card's two sides (`<id>` and `<id>-rev`) and their note's slug. */
async function reversePair() {
  const back = await db.card.findFirstOrThrow({
    where: { type: "reverse", key: { endsWith: "-rev" }, retiredAt: null, paper: { retiredAt: null } },
    orderBy: { id: "asc" },
    select: { id: true, key: true, paperId: true, paper: { select: { slug: true } } },
  });
  const front = await db.card.findUniqueOrThrow({
    where: { paperId_key: { paperId: back.paperId, key: back.key.replace(/-rev$/, "") } },
    select: { id: true },
  });
  return { front: front.id, back: back.id, slug: back.paper.slug };
}

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({
    data: { email: unique(), settings: { create: { newPerDay: 500, timeZone: "UTC", dayStartHour: 4, ...settings } } },
    select: { id: true },
  });
}

async function queueIds(userId: string, slug: string, at: Date) {
  const queue = await loadReviewQueue(userId, at, { scope: { paper: slug }, limit: 500 });
  return { ids: queue.cards.map((c) => c.cardId), counts: queue.counts };
}

describe("siblings in the review queue", () => {
  it("shows one side of a new reverse card today and buries the other to the next day", async () => {
    const pair = await reversePair();
    const user = await newUser();
    const today = await queueIds(user.id, pair.slug, now);
    expect(today.ids).toContain(pair.front);
    expect(today.ids).not.toContain(pair.back);

    // The front is answered (easy: out of the queue for days); the other side still waits today.
    await answer(user.id, { clientId: `sib-${user.id}`, cardId: pair.front, rating: 4, version: 0, answeredAt: now.getTime(), durationMs: 900 }, now);
    const later = await queueIds(user.id, pair.slug, new Date(now.getTime() + 60_000));
    expect(later.ids).not.toContain(pair.front);
    expect(later.ids).not.toContain(pair.back);
    expect(later.counts.new).toBe(today.counts.new - 1);

    // The next study day it comes.
    const tomorrow = await queueIds(user.id, pair.slug, new Date(now.getTime() + DAY));
    expect(tomorrow.ids).toContain(pair.back);
  });

  it("shows both sides on one day with the setting off", async () => {
    const pair = await reversePair();
    const user = await newUser({ buryReverseSiblings: false });
    const today = await queueIds(user.id, pair.slug, now);
    expect(today.ids).toEqual(expect.arrayContaining([pair.front, pair.back]));
  });

  it("keeps the review side most likely forgotten and buries the other, without changing its state", async () => {
    const pair = await reversePair();
    const user = await newUser();
    const state = (cardId: string, stability: number) => ({
      userId: user.id, cardId, due: new Date(now.getTime() - DAY), stability, difficulty: 5, elapsedDays: 3, scheduledDays: 3,
      learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(now.getTime() - 4 * DAY), version: 1,
    });
    await db.cardState.createMany({ data: [state(pair.front, 30), state(pair.back, 2)] });
    const before = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    const today = await queueIds(user.id, pair.slug, now);
    expect(today.ids).toContain(pair.back);
    expect(today.ids).not.toContain(pair.front);
    expect(await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } })).toEqual(before);
    await db.userSettings.update({ where: { userId: user.id }, data: { buryReverseSiblings: false } });
    expect((await queueIds(user.id, pair.slug, now)).ids).toEqual(expect.arrayContaining([pair.front, pair.back]));
  });
});
