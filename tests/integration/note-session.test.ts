/**
 * A note's own session (/review?paper=…): it studies the note whether or not the note is in
 * the user's study set, and "study them anyway" raises that note's new cards for today only.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { db } from "@/app/lib/server/db";
import { allowNoteNewToday, noteNewLeft } from "@/app/lib/server/data/note-new-allowance";
import { answerCard } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { addPaperToStudySet } from "@/app/lib/server/data/study-set";
import { NotFoundError } from "@/app/lib/server/errors";

const unique = () => `note-session-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const UTC = { timeZone: "UTC", dayStartHour: 4 };
const now = new Date("2026-06-02T12:00:00Z");

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: { ...UTC, buryReverseSiblings: false, buryClozeSiblings: false, ...settings } } }, select: { id: true } });
}

/** Three corpus notes with at least `min` live cards each, in library order. */
async function threeNotes(min = 4) {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, ownerId: null },
    orderBy: { sortKey: "asc" },
    select: { slug: true, cards: { where: { retiredAt: null }, select: { id: true } } },
  });
  const notes = papers.filter((p) => p.cards.length >= min).slice(0, 3);
  expect(notes).toHaveLength(3);
  return notes;
}

const newOf = (queue: Awaited<ReturnType<typeof loadReviewQueue>>) => queue.cards.filter((c) => c.kind === "new");

async function answerNew(userId: string, cardId: string, at: Date) {
  return answerCard(sessionOf(userId), { clientId: randomUUID(), cardId, rating: 3, version: 0, answeredAt: at.getTime(), durationMs: 800 }, at);
}

describe("a note's own session", () => {
  it("\"study them anyway\" raises the new cards of that note only, for today", async () => {
    const user = await newUser({ newPerDay: 2 });
    const [first, second, third] = await threeNotes();
    // Today's limit spent on the first note.
    for (const card of first!.cards.slice(0, 2)) await answerNew(user.id, card.id, now);
    const before = await loadReviewQueue(user.id, now, { scope: { paper: second!.slug }, limit: 50 });
    expect(newOf(before)).toEqual([]);
    expect(before.newWaiting).toBe(second!.cards.length);

    await expect(allowNoteNewToday(user.id, UTC, second!.slug, 3, now)).resolves.toBe(3);
    const raised = await loadReviewQueue(user.id, now, { scope: { paper: second!.slug }, limit: 50 });
    expect(newOf(raised)).toHaveLength(3);
    expect(raised.counts.new).toBe(3);
    // Nothing more for the whole queue or another note.
    expect((await loadReviewQueue(user.id, now, { limit: 500 })).counts.new).toBe(0);
    expect((await loadReviewQueue(user.id, now, { scope: { paper: third!.slug }, limit: 50 })).counts.new).toBe(0);

    // Each new card of the note answered uses the allowance up, as the day's limit would.
    await answerNew(user.id, newOf(raised)[0]!.cardId, now);
    expect(await noteNewLeft(user.id, UTC, second!.slug, now)).toBe(2);
    expect((await loadReviewQueue(user.id, now, { scope: { paper: second!.slug }, limit: 50 })).counts.new).toBe(2);
    // Asking again adds to what is left.
    await expect(allowNoteNewToday(user.id, UTC, second!.slug, 1, now)).resolves.toBe(3);

    // The next study day the allowance is gone and the day's limit applies again.
    const tomorrow = new Date(now.getTime() + 86_400_000);
    expect(await noteNewLeft(user.id, UTC, second!.slug, tomorrow)).toBe(0);
    expect((await loadReviewQueue(user.id, tomorrow, { scope: { paper: second!.slug }, limit: 50 })).counts.new).toBe(2);
  });

  it("studies a note outside the study set when asked for by name, and its answers are accepted", async () => {
    const user = await newUser({ newPerDay: 20 });
    const [inSet, outside] = await threeNotes();
    await addPaperToStudySet(user.id, inSet!.slug);
    expect((await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } })).studyAll).toBe(false);
    // The whole queue keeps to the set.
    const whole = await loadReviewQueue(user.id, now, { limit: 500 });
    expect(whole.cards.some((c) => c.paperSlug === outside!.slug)).toBe(false);
    // The note's session shows its cards, and an answer to one is saved.
    const scoped = await loadReviewQueue(user.id, now, { scope: { paper: outside!.slug }, limit: 50 });
    expect(scoped.cards.length).toBeGreaterThan(0);
    expect(scoped.cards.every((c) => c.paperSlug === outside!.slug)).toBe(true);
    await expect(answerNew(user.id, scoped.cards[0]!.cardId, now)).resolves.toMatchObject({ version: 1 });
    // "Study them anyway" refuses a note that does not exist.
    await expect(allowNoteNewToday(user.id, UTC, "no-such-note", 5, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
