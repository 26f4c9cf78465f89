import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  cardControlResultSchema,
  optimizerStatusSchema,
  reviewQueueSchema,
  undoneSchema,
} from "@/app/lib/schemas/api-responses";
import { cardControlSchema } from "@/app/lib/schemas/cards";
import { db } from "@/app/lib/server/db";
import { applyCardControl, undoCardControl } from "@/app/lib/server/data/card-controls";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { CorruptPreviousStateError } from "@/app/lib/server/errors";
import { optimizerStatus } from "@/app/lib/server/optimizer";
import { getProgressDashboard } from "@/app/lib/server/data/progress";

/**
 * What the server sends, as JSON, is what the browser's schemas accept (app/ui/read-json.ts):
 * real rows of the real database, serialised as `Response.json` does. And JSON the server reads
 * back from the database is parsed, so a row it did not write is refused, not half-applied.
 */
const unique = () => `responses-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const asSent = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const now = new Date("2026-03-10T12:00:00Z");
let seq = 0;
const clientId = () => `resp-${Date.now().toString(36)}-${(seq += 1)}`;

async function newUser() {
  return db.user.create({
    data: { email: unique(), settings: { create: { newPerDay: 500, timeZone: "UTC", dayStartHour: 4 } } },
    select: { id: true },
  });
}

async function firstLiveCard() {
  const card = await db.card.findFirstOrThrow({
    where: { retiredAt: null, type: "basic", paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    select: { id: true },
  });
  return card.id;
}

describe("the server's answers, read as the browser reads them", () => {
  it("sends a review queue the review page's schema accepts", async () => {
    const user = await newUser();
    const queue = await loadReviewQueue(user.id, now, { scope: {}, limit: 20 });
    expect(queue.cards.length).toBeGreaterThan(0);
    const read = reviewQueueSchema.parse(asSent(queue));
    expect(read.cards.map((c) => c.cardId)).toEqual(queue.cards.map((c) => c.cardId));
    expect(read.nextDayStart).toBe(queue.nextDayStart.toISOString());
  });

  it("sends card controls and their undo in the shapes the card browser and review page read", async () => {
    const user = await newUser();
    const cardId = await firstLiveCard();
    const id = clientId();
    const result = await applyCardControl(user.id, cardControlSchema.parse({ clientId: id, cardIds: [cardId], action: "suspend" }), now);
    expect(cardControlResultSchema.parse(asSent(result)).cards[0]?.cardId).toBe(cardId);
    const cards = await undoCardControl(user.id, id);
    const body = { cardId: cards[0]?.cardId ?? null, version: cards[0]?.version ?? 0, cards };
    expect(undoneSchema.parse(asSent(body)).version).toBe(cards[0]?.version);
  });

  it("sends an optimizer status the settings page's schema accepts", async () => {
    const user = await newUser();
    const status = optimizerStatusSchema.parse(asSent(await optimizerStatus(user.id)));
    expect(status.reviewCount).toBe(0);
    expect(status.job).toBeNull();
  });

  it("refuses to undo a card control whose stored previous state is not what it wrote", async () => {
    const user = await newUser();
    const cardId = await firstLiveCard();
    const id = clientId();
    await applyCardControl(user.id, cardControlSchema.parse({ clientId: id, cardIds: [cardId], action: "bury" }), now);
    const action = await db.cardAction.findFirstOrThrow({ where: { userId: user.id, clientId: id } });
    await db.cardAction.update({ where: { id: action.id }, data: { previous: { ...(action.previous as object), buriedUntil: "tomorrow" } } });
    await expect(undoCardControl(user.id, id)).rejects.toThrow(CorruptPreviousStateError);
    // (A cast read "tomorrow" as a date and wrote an invalid one.) Nothing was changed: the change can still be named.
    expect(await db.cardAction.count({ where: { userId: user.id, clientId: id } })).toBe(1);
  });

  it("sums the progress history afresh when its cache's JSON is not of the shape it writes", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: { timeZone: "UTC", dayStartHour: 4 } } }, select: { id: true } });
    const cardId = await firstLiveCard();
    const DAY = 86_400_000;
    await db.reviewLog.createMany({
      data: [3, 2, 1].map((daysAgo) => ({
        clientId: randomUUID(),
        userId: user.id,
        cardId,
        rating: 3,
        state: 2,
        due: new Date(now.getTime() - daysAgo * DAY),
        stability: 10,
        difficulty: 5,
        elapsedDays: 5,
        lastElapsedDays: 0,
        scheduledDays: 10,
        learningSteps: 0,
        reviewedAt: new Date(now.getTime() - daysAgo * DAY),
        durationMs: 1000,
        previous: {},
      })),
    });
    const first = await getProgressDashboard(user.id, now);
    expect(first.totalReviews).toBe(3);
    // Days stored as objects (not the tuples this code writes), the count of reviews unchanged:
    // a cast read every field as undefined and showed no reviews on those days.
    const cache = await db.progressCache.findUniqueOrThrow({ where: { userId: user.id } });
    await db.progressCache.update({
      where: { userId: user.id },
      data: { days: (cache.days as [string][]).map(([day]) => ({ day })) },
    });
    expect(await getProgressDashboard(user.id, now)).toEqual(first);
  });
});
