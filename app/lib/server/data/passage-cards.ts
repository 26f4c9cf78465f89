import "#server-only";
import { randomBytes } from "node:crypto";
import { passageCardsSource, PASSAGE_CARDS_TAG, type PassageCard } from "@/app/lib/domain/content/passage-cards";
import { renderMarkdown } from "@/app/lib/domain/content/render-note";
import { noteLayoutSchema } from "@/app/lib/schemas/rendered-note";
import { storedPaperZhSchema } from "@/app/lib/schemas/translation";
import { db } from "../db";
import { BadRequestError, NotFoundError } from "../errors";
import { createOwnNote, updateOwnNote } from "./own-notes";

/**
 * "Add my own card here" on a corpus note (issue 17): the reader's personal cards on its
 * passages, kept in their companion own note (app/lib/domain/content/passage-cards.ts says
 * why). Every function takes the reader and touches their companion only; another reader's
 * card is "not found".
 */

const companionWhere = (userId: string, slug: string) => ({
  ownerId: userId,
  deletedAt: null,
  tags: { has: PASSAGE_CARDS_TAG },
  prerequisites: { has: slug },
});

async function corpusOutline(slug: string) {
  const paper = await db.paper.findFirst({
    where: { slug, ownerId: null, retiredAt: null },
    select: { slug: true, title: true, short: true, area: true, rendered: true },
  });
  if (!paper) throw new NotFoundError("There is no such note in the corpus.");
  const { headings } = noteLayoutSchema.parse(paper.rendered);
  return { slug: paper.slug, title: paper.title, short: paper.short, area: paper.area, headings: headings.map((h) => ({ slug: h.slug, text: h.text })) };
}

async function liveCards(paperId: string): Promise<PassageCard[]> {
  const cards = await db.card.findMany({
    where: { paperId, retiredAt: null, derived: false },
    orderBy: { position: "asc" },
    select: { key: true, anchor: true, front: true, back: true },
  });
  return cards;
}

/** The reader's personal cards on a corpus note, by section, for the page to show inline. */
export async function listPassageCards(userId: string, slug: string) {
  const companion = await db.paper.findFirst({ where: companionWhere(userId, slug), orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!companion) return [];
  return db.card.findMany({
    where: { paperId: companion.id, retiredAt: null, derived: false },
    orderBy: { position: "asc" },
    select: { id: true, anchor: true, front: true, back: true },
  });
}

/**
 * The reader's cards as the note page shows them: each side rendered by the notes' pipeline in
 * its untrusted mode (markdown, KaTeX, highlighted code, then the sanitiser's allow-list: the
 * text is the reader's own), and the note's English → Chinese heading anchors, so the Chinese
 * page can put each card under its section (cards are anchored to the English headings).
 */
export async function passageCardsForPage(userId: string, slug: string) {
  const [cards, paper] = await Promise.all([
    listPassageCards(userId, slug),
    db.paper.findFirst({ where: { slug, ownerId: null, retiredAt: null }, select: { zh: true } }),
  ]);
  const zh = storedPaperZhSchema.safeParse(paper?.zh);
  return {
    cards: cards.map((card) => ({
      ...card,
      frontHtml: renderMarkdown(card.front, { untrusted: true }),
      backHtml: renderMarkdown(card.back, { untrusted: true }),
    })),
    anchors: zh.success ? zh.data.anchors : {},
  };
}

/** Saves the companion with `cards`, creating it for the first card; refuses what would not be valid. */
async function saveCompanion(userId: string, slug: string, companionId: string | null, cards: PassageCard[], title: string | ((corpusTitle: string) => string), now: Date) {
  const outline = await corpusOutline(slug);
  const source = passageCardsSource(outline, cards, typeof title === "string" ? title : title(outline.title));
  const saved = companionId ? await updateOwnNote(userId, companionId, source, now) : await createOwnNote(userId, source, now);
  if (saved.status !== "valid") {
    // The text the reader typed is quoted safely, so this is a bug or an outline we cannot mirror; nothing was studied.
    throw new BadRequestError(`This card could not be saved: ${saved.errors[0]?.message ?? "unknown problem"}.`);
  }
  return saved;
}

/** Adds a personal card to the corpus note's section `anchor`; returns the card's id. */
export async function addPassageCard(
  userId: string,
  input: { slug: string; anchor: string; front: string; back: string },
  companionTitle: (corpusTitle: string) => string,
  now: Date,
): Promise<{ id: string }> {
  const outline = await corpusOutline(input.slug);
  if (!outline.headings.some((h) => h.slug === input.anchor)) throw new NotFoundError("This note has no such section.");
  const companion = await db.paper.findFirst({ where: companionWhere(userId, input.slug), orderBy: { createdAt: "asc" }, select: { id: true, title: true } });
  const cards = companion ? await liveCards(companion.id) : [];
  const key = `p-${randomBytes(5).toString("hex")}`;
  const saved = await saveCompanion(userId, input.slug, companion?.id ?? null, [...cards, { key, anchor: input.anchor, front: input.front, back: input.back }], companion ? companion.title : companionTitle, now);
  const card = await db.card.findFirstOrThrow({ where: { paperId: saved.id, key }, select: { id: true, anchor: true } });
  if (card.anchor !== input.anchor) throw new BadRequestError("This section's heading cannot hold a card of your own.");
  return { id: card.id };
}

/** The reader's live personal card `id` with its companion, or "not found" for anyone else's. */
async function ownPassageCard(userId: string, id: string) {
  const card = await db.card.findFirst({
    where: { id, retiredAt: null, paper: { ownerId: userId, deletedAt: null, tags: { has: PASSAGE_CARDS_TAG } } },
    select: { key: true, paper: { select: { id: true, title: true, prerequisites: true } } },
  });
  const slug = card?.paper.prerequisites[0];
  if (!card || !slug) throw new NotFoundError("There is no such card of yours.");
  return { key: card.key, companionId: card.paper.id, title: card.paper.title, slug };
}

/** Edits a personal card: same card row, same reviews (the sync keeps a card's id by its key). */
export async function updatePassageCard(userId: string, input: { id: string; front: string; back: string }, now: Date): Promise<void> {
  const card = await ownPassageCard(userId, input.id);
  const cards = (await liveCards(card.companionId)).map((c) => (c.key === card.key ? { ...c, front: input.front, back: input.back } : c));
  await saveCompanion(userId, card.slug, card.companionId, cards, card.title, now);
}

/** Deletes a personal card: retired with its history, as a card removed from a note is. */
export async function deletePassageCard(userId: string, id: string, now: Date): Promise<void> {
  const card = await ownPassageCard(userId, id);
  const cards = (await liveCards(card.companionId)).filter((c) => c.key !== card.key);
  await saveCompanion(userId, card.slug, card.companionId, cards, card.title, now);
}
