import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { DEFAULT_SCHEDULER_SETTINGS, retrievability } from "@/app/lib/domain/scheduling";
import { cardBrowserQuerySchema, CARD_PAGE_SIZE, parseCardBrowserQuery } from "@/app/lib/schemas/cards-browser";
import { cardControlSchema } from "@/app/lib/schemas/cards";
import { Prisma } from "@/app/generated/prisma/client";
import { storedCardZhSchema, storedPaperZhSchema } from "@/app/lib/schemas/translation";
import { db } from "@/app/lib/server/db";
import { browseCards, getCardDetail } from "@/app/lib/server/data/card-browser";
import { applyCardControl } from "@/app/lib/server/data/card-controls";
import { answerCard } from "@/app/lib/server/data/review";
import { storedStateOf } from "@/app/lib/server/sql/card-state";

const unique = () => `browser-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
const now = new Date("2026-04-01T12:00:00Z");
const query = (over: Record<string, unknown> = {}) => cardBrowserQuerySchema.parse(over);
let seq = 0;

async function newUser() {
  return db.user.create({ data: { email: unique(), settings: { create: { timeZone: "UTC" } } }, select: { id: true } });
}

async function liveCards() {
  return db.card.findMany({
    where: { retiredAt: null, paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    select: { id: true, front: true, back: true, paper: { select: { slug: true } } },
  });
}

/** Gives the user review states on `cardIds`, with varied stability and last reviews. */
async function studied(userId: string, cardIds: string[]) {
  await db.cardState.createMany({
    data: cardIds.map((cardId, i) => ({
      userId,
      cardId,
      due: new Date(now.getTime() + ((i % 9) - 3) * DAY),
      stability: 1 + (i % 7) * 3.3,
      difficulty: 1 + (i % 10) * 0.9,
      elapsedDays: 0,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2 + (i % 4),
      lapses: i % 3,
      state: 2,
      lastReview: new Date(now.getTime() - ((i % 11) * DAY + (i % 5) * 3_600_000)),
      version: 2,
    })),
  });
}

describe("the card browser", () => {
  it("lists every live card, 50 a page, with the total across pages", async () => {
    const user = await newUser();
    const all = await liveCards();
    const first = await browseCards(user.id, query(), now);
    expect(first.total).toBe(all.length);
    expect(first.cards.length).toBe(Math.min(CARD_PAGE_SIZE, all.length));
    expect(first.pages).toBe(Math.ceil(all.length / CARD_PAGE_SIZE));
    const last = await browseCards(user.id, query({ page: first.pages }), now);
    expect(last.cards.length).toBe(all.length - (first.pages - 1) * CARD_PAGE_SIZE);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pages; page++) {
      for (const card of (await browseCards(user.id, query({ page }), now)).cards) seen.add(card.cardId);
    }
    expect(seen.size).toBe(all.length);
    // Past the last page: nothing, but the count stays right.
    const beyond = await browseCards(user.id, query({ page: first.pages + 3 }), now);
    expect(beyond.cards).toEqual([]);
    expect(beyond.total).toBe(all.length);
  });

  it("shows a Chinese reader the cards' Chinese fronts and note titles under the same ids, searchable in either language", async () => {
    const user = await newUser();
    const card = await db.card.findFirstOrThrow({
      where: { retiredAt: null, zh: { not: Prisma.DbNull }, paper: { retiredAt: null, zh: { not: Prisma.DbNull } } },
      orderBy: { id: "asc" },
      select: { id: true, front: true, anchor: true, zh: true, paper: { select: { slug: true, title: true, zh: true } } },
    });
    const zh = storedCardZhSchema.parse(card.zh);
    const titleZh = storedPaperZhSchema.parse(card.paper.zh).title;

    const inChinese = await browseCards(user.id, query({ note: card.paper.slug }), now, "zh-CN");
    const row = inChinese.cards.find((c) => c.cardId === card.id);
    expect(row).toMatchObject({ front: zh.front, frontIn: "zh-CN", noteTitle: titleZh, noteTitleIn: "zh-CN" });
    const inEnglish = await browseCards(user.id, query({ note: card.paper.slug }), now, "en");
    expect(inEnglish.cards.find((c) => c.cardId === card.id)).toMatchObject({ front: card.front, frontIn: "en", noteTitle: card.paper.title });
    expect(inEnglish.total).toBe(inChinese.total);

    // The Chinese words find it, and so does an English term the reader remembers.
    const chineseWords = zh.front.replace(/[=*`$]/g, "").slice(0, 6);
    const englishWords = card.front.replace(/[=*`$]/g, "").slice(0, 12);
    for (const q of [chineseWords, englishWords]) {
      const found = await browseCards(user.id, query({ note: card.paper.slug, q }), now, "zh-CN");
      expect(found.cards.map((c) => c.cardId)).toContain(card.id);
    }

    const detail = await getCardDetail(user.id, card.id, now, "zh-CN");
    expect(detail).toMatchObject({ front: zh.front, back: zh.back, shownIn: "zh-CN", noteTitle: titleZh, anchor: zh.anchor ?? card.anchor });
    expect((await getCardDetail(user.id, card.id, now))?.front).toBe(card.front);
  });

  it("searches the front and back, with % and _ taken literally", async () => {
    const user = await newUser();
    const all = await liveCards();
    const word = "momentum";
    const expected = all.filter((c) => `${c.front}\n${c.back}`.toLowerCase().includes(word)).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    const found = await browseCards(user.id, query({ q: "MoMentum" }), now);
    expect(found.total).toBe(expected.length);
    expect((await browseCards(user.id, query({ q: "%" }), now)).total).toBe(all.filter((c) => `${c.front}${c.back}`.includes("%")).length);
  });

  it("filters by note, state, flag, suspended, leech and difficulty, each on the user's own state", async () => {
    const user = await newUser();
    const other = await newUser();
    const all = await liveCards();
    const ids = all.slice(0, 40).map((c) => c.id);
    await studied(user.id, ids);
    await applyCardControl(user.id, cardControlSchema.parse({ clientId: `b-${(seq += 1)}-${Date.now()}`, cardIds: ids.slice(0, 3), action: "suspend" }), now);
    await applyCardControl(user.id, cardControlSchema.parse({ clientId: `b-${(seq += 1)}-${Date.now()}`, cardIds: ids.slice(2, 7), action: "flag", flag: 2 }), now);
    await db.cardState.updateMany({ where: { userId: user.id, cardId: { in: ids.slice(10, 12) } }, data: { leech: true } });

    const ids_ = async (over: Record<string, unknown>, who = user.id) =>
      (await browseCards(who, query(over), now)).cards.map((c) => c.cardId).sort();
    expect(await ids_({ suspended: "yes" })).toEqual(ids.slice(0, 3).sort());
    expect(await ids_({ flag: 2 })).toEqual(ids.slice(2, 7).sort());
    expect(await ids_({ flag: 2, suspended: "yes" })).toEqual([ids[2]]);
    expect(await ids_({ leech: "yes" })).toEqual(ids.slice(10, 12).sort());
    expect((await browseCards(user.id, query({ state: "review" }), now)).total).toBe(40);
    expect((await browseCards(user.id, query({ state: "new" }), now)).total).toBe(all.length - 40);
    const slug = all[0]!.paper.slug;
    expect((await browseCards(user.id, query({ note: slug }), now)).total).toBe(all.filter((c) => c.paper.slug === slug).length);
    const hard = await browseCards(user.id, query({ dMin: 6, dMax: 8 }), now);
    expect(hard.total).toBeGreaterThan(0);
    for (const card of hard.cards) expect(card.difficulty).toBeGreaterThanOrEqual(6);
    for (const card of hard.cards) expect(card.difficulty).toBeLessThanOrEqual(8);
    // Another user sees the same cards, none of this user's state.
    expect(await ids_({ suspended: "yes" }, other.id)).toEqual([]);
    expect(await ids_({ flag: 2 }, other.id)).toEqual([]);
  });

  it("computes retrievability in SQL as ts-fsrs does, and filters and sorts by it", async () => {
    const user = await newUser();
    const all = await liveCards();
    const ids = all.slice(0, 60).map((c) => c.id);
    await studied(user.id, ids);
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    const expected = new Map(states.map((s) => [s.cardId, retrievability(storedStateOf(s), DEFAULT_SCHEDULER_SETTINGS, now)]));

    const byR = await browseCards(user.id, query({ state: "review", sort: "retrievability", dir: "asc", page: 1 }), now);
    const page2 = await browseCards(user.id, query({ state: "review", sort: "retrievability", dir: "asc", page: 2 }), now);
    const rows = [...byR.cards, ...page2.cards];
    expect(rows.length).toBe(60);
    // ts-fsrs rounds R to 8 decimals; SQL keeps the double.
    for (const row of rows) expect(row.retrievability).toBeCloseTo(expected.get(row.cardId)!, 7);
    const values = rows.map((r) => r.retrievability!);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    const band = await browseCards(user.id, query({ rMin: 80, rMax: 95 }), now);
    const want = [...expected].filter(([, r]) => r >= 0.8 && r <= 0.95).map(([id]) => id).sort();
    expect(band.cards.map((c) => c.cardId).sort()).toEqual(want);
  });

  it("shows a card's whole history and a forgetting curve through 90% at its stability", async () => {
    const user = await newUser();
    const [card] = await liveCards();
    const session = sessionOf(user.id);
    const t1 = new Date(now.getTime() - 10 * DAY);
    const a = await answerCard(session, { clientId: `h-${(seq += 1)}-${Date.now()}`, cardId: card!.id, rating: 3, version: 0, answeredAt: t1.getTime(), durationMs: 4000 }, t1);
    const t2 = new Date(t1.getTime() + 3 * DAY);
    await answerCard(session, { clientId: `h-${(seq += 1)}-${Date.now()}`, cardId: card!.id, rating: 2, version: a.version, answeredAt: t2.getTime(), durationMs: 2500 }, t2);
    const detail = (await getCardDetail(user.id, card!.id, now))!;
    expect(detail.history.map((h) => [h.rating, h.state])).toEqual([
      [3, "new"],
      [2, "learning"],
    ]);
    expect(detail.curve[0]!.r).toBeCloseTo(1, 9);
    const rs = detail.curve.map((p) => p.r);
    expect(rs).toEqual([...rs].sort((x, y) => y - x));
    // R(S) = 0.9 by the curve's definition: interpolate at the stability.
    const s = detail.stability!;
    const after = detail.curve.findIndex((p) => p.day >= s);
    expect(after).toBeGreaterThan(0);
    expect(detail.curve[after - 1]!.r).toBeGreaterThanOrEqual(0.9);
    expect(detail.curve[after]!.r).toBeLessThanOrEqual(0.9);
    expect(detail.daysSinceReview).toBeCloseTo(7, 5);
    // Another user sees the card with no history.
    const other = await newUser();
    expect((await getCardDetail(other.id, card!.id, now))!.history).toEqual([]);
    expect(await getCardDetail(user.id, "no-such-card", now)).toBeNull();
  });

  it("answers a page of 500 studied cards quickly", async () => {
    const user = await newUser();
    const all = await liveCards();
    await studied(user.id, all.map((c) => c.id));
    const timings: number[] = [];
    for (const over of [{}, { sort: "retrievability", dir: "desc" }, { q: "the" }, { rMin: 50, sort: "difficulty" }, { page: 5 }]) {
      const started = performance.now();
      await browseCards(user.id, query(over), now);
      timings.push(performance.now() - started);
    }
    console.log(`card browser, ${all.length} studied cards: ${timings.map((t) => t.toFixed(0)).join(", ")} ms`);
    expect(Math.max(...timings)).toBeLessThan(1500);
  });

  it("reads an address with junk as no filter rather than an error", () => {
    const parsed = parseCardBrowserQuery({ flag: "", state: "bogus", page: "-3", sort: "'; drop", rMin: "x", q: ["a", "b"] });
    expect(parsed).toMatchObject({ flag: undefined, state: undefined, page: 1, sort: "due", rMin: undefined, q: "a" });
  });
});
