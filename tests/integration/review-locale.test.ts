import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";

const HAN = /\p{Script=Han}/u;

async function newUser() {
  const email = `review-locale-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  return db.user.create({ data: { email, settings: { create: { newPerDay: 5 } } }, select: { id: true } });
}

describe("the review queue in the reader's language", () => {
  it("shows the same cards, ids and versions in Chinese and English, with Chinese sides, intervals and note links", async () => {
    const user = await newUser();
    const now = new Date();
    const [en, zh] = await Promise.all([
      loadReviewQueue(user.id, now, { limit: 5 }),
      loadReviewQueue(user.id, now, { limit: 5, locale: "zh-CN" }),
    ]);
    expect(zh.cards.map((c) => [c.cardId, c.version, c.kind])).toEqual(en.cards.map((c) => [c.cardId, c.version, c.kind]));
    expect(zh.counts).toEqual(en.counts);
    const [first, firstEn] = [zh.cards[0]!, en.cards[0]!];
    expect(first.frontHtml).toMatch(HAN);
    expect(first.frontHtml).not.toBe(firstEn.frontHtml);
    expect(first.noteHref).toMatch(new RegExp(`^/zh/papers/${first.paperSlug}`));
    expect(firstEn.noteHref).toMatch(new RegExp(`^/papers/${first.paperSlug}`));
    expect(first.labels.join(" ")).toMatch(/分钟|小时|天/);
    expect(firstEn.labels.join(" ")).toMatch(/^[<\d.]+(m|h|d|mo|y)( |$)/);
  });

  it("keeps one history: a card answered from the Chinese queue comes back once, answered, in the English one", async () => {
    const user = await newUser();
    const now = new Date();
    const card = (await loadReviewQueue(user.id, now, { limit: 1, locale: "zh-CN" })).cards[0]!;
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card.cardId, rating: 1, version: card.version, answeredAt: now.getTime(), durationMs: 900 }, now);
    // Again: the card is learning and due within minutes; ten minutes on, both queues show it with version 1.
    const later = new Date(now.getTime() + 11 * 60_000);
    const [en, zh] = await Promise.all([
      loadReviewQueue(user.id, later, { limit: 20 }),
      loadReviewQueue(user.id, later, { limit: 20, locale: "zh-CN" }),
    ]);
    const inEnglish = en.cards.filter((c) => c.cardId === card.cardId);
    const inChinese = zh.cards.filter((c) => c.cardId === card.cardId);
    expect(inEnglish.map((c) => [c.kind, c.version])).toEqual([["learning", 1]]);
    expect(inChinese.map((c) => [c.kind, c.version])).toEqual([["learning", 1]]);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(1);
  });
});
