import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { addPassageCard, deletePassageCard, listPassageCards, updatePassageCard } from "@/app/lib/server/data/passage-cards";
import { answerCard } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { NotFoundError } from "@/app/lib/server/errors";
import { sessionOf } from "../helpers/fresh-database";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `passage-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: { studyAll: true } } }, select: { id: true } });
const TITLE = (title: string) => `My cards on ${title}`;

async function sections(slug: string) {
  const paper = await db.paper.findFirstOrThrow({ where: { slug, ownerId: null }, select: { rendered: true } });
  return (paper.rendered as { headings: { slug: string; text: string }[] }).headings;
}

describe("personal cards on a corpus note's passages", () => {
  it("adds a card anchored to the section, visible to its author only, studied in the queue, edited with its history and retired on delete", async () => {
    const author = await newUser();
    const other = await newUser();
    const [first, second] = await sections("clip");
    const a = await addPassageCard(author.id, { slug: "clip", anchor: first!.slug, front: "My question: what is \"contrastive\"?", back: "Pairs: match the right caption." }, TITLE, new Date());
    await addPassageCard(author.id, { slug: "clip", anchor: second!.slug, front: "Second: `x` $y$ <b>z</b>", back: "Answer: yes" }, TITLE, new Date());

    const mine = await listPassageCards(author.id, "clip");
    expect(mine.map((c) => [c.anchor, c.front])).toEqual([
      [first!.slug, "My question: what is \"contrastive\"?"],
      [second!.slug, "Second: `x` $y$ <b>z</b>"],
    ]);
    expect(await listPassageCards(other.id, "clip")).toEqual([]);
    const card = await db.card.findUniqueOrThrow({ where: { id: a.id }, select: { paper: { select: { ownerId: true } } } });
    expect(card.paper.ownerId).toBe(author.id);

    // Studied like any card: in the author's queue, not in anyone else's.
    const companion = await db.paper.findFirstOrThrow({ where: { cards: { some: { id: a.id } } }, select: { slug: true } });
    const queue = await loadReviewQueue(author.id, new Date(), { scope: { paper: companion.slug }, limit: 20 });
    expect(JSON.stringify(queue)).toContain(a.id);
    expect(JSON.stringify(await loadReviewQueue(other.id, new Date(), { scope: { paper: companion.slug }, limit: 20 }))).not.toContain(a.id);
    expect(JSON.stringify(await loadReviewQueue(other.id, new Date(), { limit: 500 }))).not.toContain(a.id);
    await answerCard(sessionOf(author.id), { clientId: randomUUID(), cardId: a.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date());
    await expect(answerCard(sessionOf(other.id), { clientId: randomUUID(), cardId: a.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date())).rejects.toThrow();

    // Another reader can neither edit nor delete it.
    await expect(updatePassageCard(other.id, { id: a.id, front: "hijack", back: "hijack" }, new Date())).rejects.toBeInstanceOf(NotFoundError);
    await expect(deletePassageCard(other.id, a.id, new Date())).rejects.toBeInstanceOf(NotFoundError);

    await updatePassageCard(author.id, { id: a.id, front: "Edited front", back: "Edited back" }, new Date());
    expect(await db.card.findUniqueOrThrow({ where: { id: a.id }, select: { front: true, back: true, retiredAt: true } })).toEqual({ front: "Edited front", back: "Edited back", retiredAt: null });
    expect(await db.reviewLog.count({ where: { cardId: a.id, userId: author.id } })).toBe(1);

    await deletePassageCard(author.id, a.id, new Date());
    expect((await db.card.findUniqueOrThrow({ where: { id: a.id }, select: { retiredAt: true } })).retiredAt).not.toBeNull();
    expect(await db.reviewLog.count({ where: { cardId: a.id, userId: author.id } })).toBe(1);
    expect((await listPassageCards(author.id, "clip")).map((c) => c.front)).toEqual(["Second: `x` $y$ <b>z</b>"]);
    const rest = await listPassageCards(author.id, "clip");
    await deletePassageCard(author.id, rest[0]!.id, new Date());
    expect(await listPassageCards(author.id, "clip")).toEqual([]);
  });

  it("refuses an unknown section or note", async () => {
    const user = await newUser();
    await expect(addPassageCard(user.id, { slug: "clip", anchor: "no-such-section", front: "f", back: "b" }, TITLE, new Date())).rejects.toBeInstanceOf(NotFoundError);
    await expect(addPassageCard(user.id, { slug: "no-such-note", anchor: "x", front: "f", back: "b" }, TITLE, new Date())).rejects.toBeInstanceOf(NotFoundError);
  });
});
