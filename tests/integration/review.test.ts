import { randomUUID } from "node:crypto";
import { sessionOf } from "./helpers/fresh-database";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/app/generated/prisma/client";
import { db } from "@/app/lib/server/db";
import { storedCardZhSchema } from "@/app/lib/schemas/translation";
import { answerCard, undoAnswer } from "@/app/lib/server/data/review";
import { loadReviewQueue, readCardDetails } from "@/app/lib/server/data/review-queue";
import { contentStampQuery } from "@/app/lib/server/sql/review-queue";
import { addPaperToStudySet } from "@/app/lib/server/data/study-set";
import { masteryByPaper } from "@/app/lib/server/data/mastery";
import { addNewCardsToday } from "@/app/lib/server/data/settings";
import { ConflictError, NotFoundError } from "@/app/lib/server/errors";

const unique = () => `review-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: settings } }, select: { id: true } });
}

async function firstLiveCards(n: number) {
  return db.card.findMany({
    where: { retiredAt: null, paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    take: n,
    select: { id: true, paperId: true, paper: { select: { slug: true } } },
  });
}

const answer = (cardId: string, over: Partial<Parameters<typeof answerCard>[1]> = {}) => ({
  clientId: randomUUID(),
  cardId,
  rating: 3 as const,
  version: 0,
  answeredAt: Date.now(),
  durationMs: 1200,
  ...over,
});

describe("saving answers", () => {
  it("applies a resent answer once and acknowledges the resend", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const input = answer(card!.id);
    const first = await answerCard(sessionOf(user.id), input, new Date());
    const again = await answerCard(sessionOf(user.id), input, new Date());
    expect(first).toMatchObject({ duplicate: false, version: 1 });
    expect(again).toMatchObject({ duplicate: true, version: 1 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card!.id } } });
    expect(state.version).toBe(1);
    expect(state.reps).toBe(1);
  });

  it("keeps one history for a card answered in Chinese and then in English: both texts are read from its one row", async () => {
    const user = await newUser();
    const card = await db.card.findFirstOrThrow({
      where: { retiredAt: null, derived: false, type: "basic", zh: { not: Prisma.DbNull }, paper: { retiredAt: null } },
      orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
      select: { id: true, paperId: true, key: true, front: true, zh: true },
    });
    const chinese = storedCardZhSchema.parse(card.zh);
    expect(chinese.front).toMatch(/\p{Script=Han}/u);
    expect(chinese.front).not.toBe(card.front);
    // The Chinese page and the English page answer the same card (its id), one after the other.
    const inChinese = await answerCard(sessionOf(user.id), answer(card.id), new Date());
    const later = Date.now() + 10 * 60_000;
    const inEnglish = await answerCard(sessionOf(user.id), answer(card.id, { version: inChinese.version, answeredAt: later }), new Date(later));
    expect([inChinese.duplicate, inEnglish.duplicate]).toEqual([false, false]);
    expect(await db.card.count({ where: { paperId: card.paperId, key: card.key } })).toBe(1);
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    expect(states.map((s) => [s.cardId, s.reps, s.version])).toEqual([[card.id, 2, 2]]);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.cardId)).toEqual([card.id, card.id]);
  });

  it("applies one of many concurrent resends of the same answer", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const input = answer(card!.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => answerCard(sessionOf(user.id), input, new Date())));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses the later of two answers to the same card version with a conflict, writing nothing for it", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const settled = await Promise.allSettled([
      answerCard(sessionOf(user.id), answer(card!.id, { rating: 1 }), new Date()),
      answerCard(sessionOf(user.id), answer(card!.id, { rating: 4 }), new Date()),
    ]);
    const ok = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.filter((s) => s.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card!.id } } });
    expect(state.version).toBe(1);
    expect(state.reps).toBe(1);
  });

  it("refuses an answer given to a stale version", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    await answerCard(sessionOf(user.id), answer(card!.id), new Date());
    await expect(answerCard(sessionOf(user.id), answer(card!.id, { version: 0 }), new Date())).rejects.toBeInstanceOf(ConflictError);
    await expect(answerCard(sessionOf(user.id), answer(card!.id, { version: 1 }), new Date())).resolves.toMatchObject({ version: 2 });
  });

  it("answers a card of a visible note outside the user's study set (a note's own session), and 404 for an unknown card", async () => {
    const user = await newUser({ studyAll: false });
    const [card] = await firstLiveCards(1);
    await expect(answerCard(sessionOf(user.id), answer(card!.id), new Date())).resolves.toMatchObject({ version: 1 });
    await expect(answerCard(sessionOf(user.id), answer("no-such-card"), new Date())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps another user's answers and states apart", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const [card] = await firstLiveCards(1);
    const input = answer(card!.id);
    await answerCard(sessionOf(alice.id), input, new Date());
    // The same clientId and card for another user is a different answer.
    await expect(answerCard(sessionOf(bob.id), input, new Date())).resolves.toMatchObject({ duplicate: false, version: 1 });
    await expect(undoAnswer(bob.id, "not-bobs-answer-id")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("one user cannot undo another user's answer by its client id", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const [card] = await firstLiveCards(1);
    const input = answer(card!.id);
    await answerCard(sessionOf(alice.id), input, new Date());
    await expect(undoAnswer(bob.id, input.clientId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewLog.count({ where: { userId: alice.id, clientId: input.clientId } })).toBe(1);
    expect(await db.cardState.findUnique({ where: { userId_cardId: { userId: alice.id, cardId: card!.id } }, select: { version: true } })).toEqual({ version: 1 });
  });

  it("dates an answer kept offline at the time it was given", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const givenAt = Date.now() - 3_600_000;
    await answerCard(sessionOf(user.id), answer(card!.id, { answeredAt: givenAt }), new Date());
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id } });
    expect(log.reviewedAt.getTime()).toBe(givenAt);
  });
});

describe("undo", () => {
  it("restores the exact previous state and removes the log, several steps back", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const key = { userId_cardId: { userId: user.id, cardId: card!.id } };
    const t0 = Date.now() - 20 * 60_000;
    const a1 = answer(card!.id, { answeredAt: t0, rating: 3 });
    await answerCard(sessionOf(user.id), a1, new Date());
    const afterFirst = await db.cardState.findUniqueOrThrow({ where: key });
    const a2 = answer(card!.id, { answeredAt: t0 + 10 * 60_000, rating: 3, version: 1 });
    await answerCard(sessionOf(user.id), a2, new Date());
    const a3 = answer(card!.id, { answeredAt: t0 + 15 * 60_000, rating: 1, version: 2 });
    await answerCard(sessionOf(user.id), a3, new Date());

    await expect(undoAnswer(user.id, a2.clientId)).rejects.toBeInstanceOf(ConflictError);
    const undone3 = await undoAnswer(user.id, a3.clientId);
    expect(undone3.version).toBe(4);
    await undoAnswer(user.id, a2.clientId);
    const restored = await db.cardState.findUniqueOrThrow({ where: key });
    const strip = ({ version: _v, updatedAt: _u, ...rest }: typeof restored) => rest;
    expect(strip(restored)).toEqual(strip(afterFirst));
    expect(restored.version).toBe(5);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    await expect(undoAnswer(user.id, a3.clientId)).rejects.toBeInstanceOf(NotFoundError);

    await undoAnswer(user.id, a1.clientId);
    const fresh = await db.cardState.findUniqueOrThrow({ where: key });
    expect(fresh.state).toBe(0);
    expect(fresh.reps).toBe(0);
    // The card is new again and comes back in the queue.
    const queue = await loadReviewQueue(user.id, new Date(), { scope: { paper: card!.paper.slug } });
    expect(queue.cards.find((c) => c.cardId === card!.id)).toMatchObject({ kind: "new", version: 6 });
  });
});

describe("today's queue", () => {
  it("puts due learning cards first, then new cards in the notes' order, up to the new-card limit", async () => {
    const user = await newUser({ newPerDay: 5 });
    const cards = await firstLiveCards(3);
    await answerCard(sessionOf(user.id), answer(cards[2]!.id, { rating: 1, answeredAt: Date.now() - 5 * 60_000 }), new Date());
    const queue = await loadReviewQueue(user.id, new Date(), { limit: 50 });
    expect(queue.cards[0]).toMatchObject({ cardId: cards[2]!.id, kind: "learning", version: 1 });
    expect(queue.cards.slice(1).map((c) => c.kind)).toEqual(["new", "new", "new", "new"]);
    expect(queue.cards[1]!.cardId).toBe(cards[0]!.id);
    expect(queue.counts).toEqual({ new: 4, learning: 1, review: 0 });
    expect(queue.cards[1]!.labels).toEqual(["1m", "6m", "10m", "8d"]);
  });

  it("says which way a reverse card goes on each of its sides, and nothing for other cards", async () => {
    const user = await newUser({ newPerDay: 0 });
    const forward = await db.card.findFirstOrThrow({
      where: { type: "reverse", retiredAt: null, paper: { retiredAt: null }, NOT: { key: { endsWith: "-rev" } } },
      select: { id: true, key: true, paperId: true },
    });
    const back = await db.card.findFirstOrThrow({ where: { paperId: forward.paperId, key: `${forward.key}-rev` }, select: { id: true } });
    const plain = await db.card.findFirstOrThrow({ where: { type: "basic", retiredAt: null, paper: { retiredAt: null } }, select: { id: true } });
    const earlier = Date.now() - 5 * 60_000;
    for (const id of [forward.id, back.id, plain.id]) {
      await answerCard(sessionOf(user.id), answer(id, { rating: 1, answeredAt: earlier }), new Date(earlier));
    }
    const queue = await loadReviewQueue(user.id, new Date(), { limit: 50 });
    const shown = new Map(queue.cards.map((c) => [c.cardId, c.instruction]));
    expect(shown.get(forward.id)).toBe("Recall what this term means.");
    expect(shown.get(back.id)).toBe("Name the term this describes.");
    expect(shown.get(plain.id)).toBeNull();
  });

  it("marks a learning card shown before it is due as ahead of schedule, and counts the day's answers", async () => {
    const user = await newUser({ newPerDay: 0 });
    const [card] = await firstLiveCards(1);
    const now = new Date();
    await answerCard(sessionOf(user.id), answer(card!.id, { rating: 1, answeredAt: now.getTime() }), now);
    // Nothing else is due: the card, due in a minute, comes early (learn-ahead).
    const queue = await loadReviewQueue(user.id, new Date(now.getTime() + 1000), { limit: 10 });
    expect(queue.cards.map((c) => c.cardId)).toEqual([card!.id]);
    expect(new Date(queue.cards[0]!.aheadOfDue ?? 0).getTime()).toBeGreaterThan(now.getTime());
    expect(queue.doneToday).toBe(1);
    // Once due, it is no longer early.
    const later = await loadReviewQueue(user.id, new Date(now.getTime() + 5 * 60_000), { limit: 10 });
    expect(later.cards[0]!.aheadOfDue).toBeNull();
  });

  it("says how many new cards wait once today's limit is used, and lets more through today only", async () => {
    const user = await newUser({ newPerDay: 0, timeZone: "UTC", dayStartHour: 0 });
    const moco = await db.paper.findUniqueOrThrow({ where: { slug: "moco" }, select: { id: true } });
    const mocoCards = await db.card.count({ where: { paperId: moco.id, retiredAt: null } });
    const now = new Date("2031-03-10T12:00:00Z");
    const scoped = await loadReviewQueue(user.id, now, { scope: { paper: "moco" }, limit: 50 });
    expect(scoped.cards).toEqual([]);
    expect(scoped.newWaiting).toBe(mocoCards);
    await addNewCardsToday(user.id, 3, "2031-03-10");
    await addNewCardsToday(user.id, 2, "2031-03-10");
    const more = await loadReviewQueue(user.id, now, { scope: { paper: "moco" }, limit: 50 });
    expect(more.cards.map((c) => c.kind)).toEqual(["new", "new", "new", "new", "new"]);
    expect(more.newWaiting).toBe(0);
    // The next study day the raise no longer counts.
    const tomorrow = await loadReviewQueue(user.id, new Date("2031-03-11T12:00:00Z"), { scope: { paper: "moco" }, limit: 50 });
    expect(tomorrow.cards).toEqual([]);
    // A raise on a new day starts from zero, not from yesterday's.
    await addNewCardsToday(user.id, 1, "2031-03-11");
    expect((await loadReviewQueue(user.id, new Date("2031-03-11T12:00:00Z"), { scope: { paper: "moco" }, limit: 50 })).cards).toHaveLength(1);
  });

  it("counts the new cards of the user's study day, in the user's time zone", async () => {
    // 10:00 in Auckland is 21:00 or 22:00 UTC the day before: the study day started at 04:00 local.
    const user = await newUser({ newPerDay: 3, timeZone: "Pacific/Auckland", dayStartHour: 4 });
    const cards = await firstLiveCards(5);
    const now = new Date("2030-01-15T21:00:00Z"); // 10:00 on the 16th in Auckland (NZDT, +13)
    const yesterdayLocal = new Date("2030-01-15T14:30:00Z"); // 03:30 on the 16th: still the 15th's study day
    const todayLocal = new Date("2030-01-15T15:30:00Z"); // 04:30 on the 16th: today
    await answerCard(sessionOf(user.id), answer(cards[0]!.id, { answeredAt: yesterdayLocal.getTime(), rating: 4 }), yesterdayLocal);
    await answerCard(sessionOf(user.id), answer(cards[1]!.id, { answeredAt: todayLocal.getTime(), rating: 4 }), todayLocal);
    const queue = await loadReviewQueue(user.id, now, { limit: 50 });
    expect(queue.counts.new).toBe(2);
  });

  it("leaves retired cards and notes outside the scope out", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const queue = await loadReviewQueue(user.id, new Date(), { scope: { paper: card!.paper.slug }, limit: 100 });
    expect(queue.cards.every((c) => c.paperSlug === card!.paper.slug)).toBe(true);
    const none = await loadReviewQueue(user.id, new Date(), { scope: { paper: "no-such-note" } });
    expect(none.cards).toEqual([]);
  });
});

describe("today's due reviews", () => {
  const created: { users: string[]; papers: string[] } = { users: [], papers: [] };
  afterAll(async () => {
    // The notes made here are not in the content: remove them so no other test sees them.
    await db.user.deleteMany({ where: { id: { in: created.users } } });
    await db.card.deleteMany({ where: { paperId: { in: created.papers } } });
    await db.paper.deleteMany({ where: { id: { in: created.papers } } });
  });

  /** A note of its own with `n` cards, so that retiring one touches no other test's data. */
  async function ownNote(n: number) {
    const tag = Math.random().toString(36).slice(2, 10);
    const paper = await db.paper.create({
      data: {
        slug: `queue-test-${tag}`, title: `Queue test ${tag}`, short: `QT ${tag}`, kind: "concept", authors: [],
        area: "concepts", tags: [], prerequisites: [], introduces: [], summary: "s", body: "b", rendered: {},
        contentHash: tag, sortKey: 900_000,
      },
    });
    created.papers.push(paper.id);
    const cards = [];
    for (let i = 0; i < n; i += 1) {
      cards.push(
        await db.card.create({
          data: { paperId: paper.id, key: `k${i}`, type: "basic", front: `Front **${i}**`, back: `Back ${i}`, anchor: "", contentHash: `${tag}-${i}`, position: i },
        }),
      );
    }
    return { paper, cards };
  }

  /** A review-state card last seen `daysAgo` days ago with stability `stability`, due yesterday. */
  function reviewState(userId: string, cardId: string, daysAgo: number, stability: number, now: Date) {
    const day = 86_400_000;
    return db.cardState.create({
      data: {
        userId, cardId, due: new Date(now.getTime() - day), stability, difficulty: 5, elapsedDays: 1, scheduledDays: 1,
        learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(now.getTime() - daysAgo * day), version: 3,
      },
    });
  }

  it("ranks due reviews by retrievability, leaves a retired card out, and brings content for the head of the queue", async () => {
    const now = new Date();
    const user = await newUser({ newPerDay: 0 });
    created.users.push(user.id);
    const { cards } = await ownNote(4);
    // t/S: card 0 → 2, card 1 → 4, card 2 → 1, card 3 (retired) → 10.
    await reviewState(user.id, cards[0]!.id, 10, 5, now);
    await reviewState(user.id, cards[1]!.id, 8, 2, now);
    await reviewState(user.id, cards[2]!.id, 3, 3, now);
    await reviewState(user.id, cards[3]!.id, 10, 1, now);
    await db.card.update({ where: { id: cards[3]!.id }, data: { retiredAt: now } });

    const queue = await loadReviewQueue(user.id, now, { limit: 50 });
    expect(queue.cards.map((c) => c.cardId)).toEqual([cards[1]!.id, cards[0]!.id, cards[2]!.id]);
    expect(queue.counts).toEqual({ new: 0, learning: 0, review: 3 });
    expect(queue.cards[0]).toMatchObject({ kind: "review", version: 3, frontHtml: expect.stringContaining("<strong>1</strong>") as unknown });

    // A small batch still carries every card's content and the full counts.
    const head = await loadReviewQueue(user.id, now, { limit: 2 });
    expect(head.cards.map((c) => c.backHtml)).toEqual([expect.stringContaining("Back 1"), expect.stringContaining("Back 0")]);
    expect(head.counts.review).toBe(3);
  });

  it("a retired card cannot be answered: 404, and nothing is written", async () => {
    const now = new Date();
    const user = await newUser();
    created.users.push(user.id);
    const { cards } = await ownNote(1);
    await db.card.update({ where: { id: cards[0]!.id }, data: { retiredAt: now } });
    await expect(answerCard(sessionOf(user.id), answer(cards[0]!.id), now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows each user their own state of a card in the queue's details, never another user's", async () => {
    const now = new Date();
    const alice = await newUser({ newPerDay: 0 });
    const bob = await newUser({ newPerDay: 0 });
    created.users.push(alice.id, bob.id);
    const { cards } = await ownNote(1);
    await reviewState(alice.id, cards[0]!.id, 10, 5, now);
    await reviewState(bob.id, cards[0]!.id, 3, 2, now);
    await db.cardState.update({ where: { userId_cardId: { userId: bob.id, cardId: cards[0]!.id } }, data: { version: 9 } });
    const [aliceQueue, bobQueue] = await Promise.all([
      loadReviewQueue(alice.id, now, { limit: 5 }),
      loadReviewQueue(bob.id, now, { limit: 5 }),
    ]);
    expect(aliceQueue.cards.find((c) => c.cardId === cards[0]!.id)).toMatchObject({ version: 3 });
    expect(bobQueue.cards.find((c) => c.cardId === cards[0]!.id)).toMatchObject({ version: 9 });
  });

  it("reads each user's own state in the queue's detail fallback, never another user's", async () => {
    const now = new Date();
    const [alice, bob, carol] = [await newUser(), await newUser(), await newUser()];
    created.users.push(alice.id, bob.id, carol.id);
    const { cards } = await ownNote(1);
    const cardId = cards[0]!.id;
    await reviewState(alice.id, cardId, 10, 5, now);
    await reviewState(bob.id, cardId, 3, 2, now);
    await db.cardState.update({ where: { userId_cardId: { userId: bob.id, cardId } }, data: { version: 9 } });
    expect((await readCardDetails(alice.id, [cardId])).get(cardId)).toMatchObject({ version: 3 });
    expect((await readCardDetails(bob.id, [cardId])).get(cardId)).toMatchObject({ version: 9 });
    expect((await readCardDetails(carol.id, [cardId])).size).toBe(0);
  });

  it("reads only the chosen notes' cards when the user studies a set", async () => {
    const now = new Date();
    const user = await newUser({ newPerDay: 0, studyAll: false });
    created.users.push(user.id);
    const chosen = await ownNote(1);
    const other = await ownNote(1);
    await reviewState(user.id, chosen.cards[0]!.id, 4, 1, now);
    await reviewState(user.id, other.cards[0]!.id, 9, 1, now);
    await addPaperToStudySet(user.id, chosen.paper.slug);
    const queue = await loadReviewQueue(user.id, now, { limit: 50 });
    expect(queue.cards.map((c) => c.cardId)).toEqual([chosen.cards[0]!.id]);
  });
});

describe("mastery", () => {
  it("averages the recall probability over the note's cards, unstudied cards counting 0", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const before = await masteryByPaper(user.id, new Date());
    expect(before.get(card!.paperId)).toBe(0);
    await answerCard(sessionOf(user.id), answer(card!.id, { rating: 4 }), new Date());
    const after = await masteryByPaper(user.id, new Date());
    const total = await db.card.count({ where: { paperId: card!.paperId, retiredAt: null } });
    expect(after.get(card!.paperId)).toBeCloseTo(1 / total, 5);
  });
});

describe("answer ids", () => {
  it("refuses an answer id already used for another card and leaves that card untouched", async () => {
    const user = await newUser();
    const [a, b] = await firstLiveCards(2);
    const input = answer(a!.id);
    await answerCard(sessionOf(user.id), input, new Date());
    await expect(answerCard(sessionOf(user.id), { ...input, cardId: b!.id }, new Date())).rejects.toBeInstanceOf(ConflictError);
    expect(await db.cardState.count({ where: { userId: user.id, cardId: b!.id } })).toBe(0);
  });
});

describe("the answer's session check", () => {
  it("refuses an answer from a session whose version is no longer the user's", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    await expect(answerCard(sessionOf(user.id, { sessionVersion: 1 }), answer(card!.id), new Date())).rejects.toMatchObject({ status: 401 });
    await expect(answerCard(sessionOf("no-such-user"), answer(card!.id), new Date())).rejects.toMatchObject({ status: 401 });
    await expect(answerCard(sessionOf(user.id), answer(card!.id), new Date())).resolves.toMatchObject({ version: 1 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("sign-out that does not sign out: refuses an answer from a signed-out session id", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const sessionId = `signed-out-${randomUUID()}`;
    await db.revokedSession.create({ data: { sessionId, expiresAt: new Date(Date.now() + 86_400_000) } });
    await expect(answerCard(sessionOf(user.id, { sessionId }), answer(card!.id), new Date())).rejects.toMatchObject({ status: 401 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("where the queue looks for new cards", () => {
  // The queue's own stamp for this user: the corpus and the user's own notes (not other users'
  // own notes, which other test files leave behind, edited later than the corpus).
  const stamp = async (userId: string) =>
    ((await db.$queryRaw<{ stamp: Date | null }[]>(contentStampQuery(userId).sql))[0]?.stamp ?? new Date(0)).toISOString();

  it("skips notes known to be studied, and looks again after an undo or a content change", async () => {
    const user = await newUser();
    const [card] = await firstLiveCards(1);
    const first = answer(card!.id, { rating: 4 });
    await answerCard(sessionOf(user.id), first, new Date());
    // Pretend every note was found studied with the current content.
    await db.userSettings.update({ where: { userId: user.id }, data: { newCardsFrom: 1_000_000_000, newCardsFromStamp: await stamp(user.id) } });
    expect((await loadReviewQueue(user.id, new Date())).counts.new).toBe(0);

    // Undoing the first answer makes the card new again: it is the first new card once more.
    await undoAnswer(user.id, first.clientId);
    const afterUndo = await loadReviewQueue(user.id, new Date());
    expect(afterUndo.cards[0]).toMatchObject({ cardId: card!.id, kind: "new" });

    // A bound learnt with older content is not trusted.
    await db.userSettings.update({ where: { userId: user.id }, data: { newCardsFrom: 1_000_000_000, newCardsFromStamp: "older content" } });
    expect((await loadReviewQueue(user.id, new Date())).counts.new).toBe(20);
  });

  it("looks from a note added to the study set", async () => {
    const user = await newUser({ studyAll: false });
    const cards = await firstLiveCards(400);
    const last = cards.at(-1)!;
    const firstSlug = cards[0]!.paper.slug;
    await addPaperToStudySet(user.id, last.paper.slug);
    const before = await loadReviewQueue(user.id, new Date(), { limit: 100 });
    expect(before.cards.every((c) => c.paperSlug === last.paper.slug)).toBe(true);
    await addPaperToStudySet(user.id, firstSlug);
    const after = await loadReviewQueue(user.id, new Date(), { limit: 100 });
    expect(after.cards[0]!.paperSlug).toBe(firstSlug);
  });
});
