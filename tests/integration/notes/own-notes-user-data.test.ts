import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { createOwnNote, getOwnNoteSource } from "@/app/lib/server/data/own-notes";
import { answerCard } from "@/app/lib/server/data/review";
import { deleteAccountAndData, importUserDataJson } from "@/app/lib/server/data/user-data";
import { sessionOf } from "../helpers/fresh-database";
import { exportUserData } from "../helpers/user-data-export";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `own-data-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });

/** A user with two own notes (the second needs the first) and one review on each note's card. */
async function author(words: [string, string]) {
  const user = await newUser();
  const first = await createOwnNote(user.id, ownNoteText(words[0]), new Date());
  const second = await createOwnNote(user.id, ownNoteText(words[1], { prerequisites: [first.slug] }), new Date());
  const cards = await db.card.findMany({ where: { paperId: { in: [first.id, second.id] }, retiredAt: null, derived: false }, select: { id: true } });
  for (const card of cards) {
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 700 }, new Date());
  }
  return { user, first, second, reviews: cards.length };
}

/** The user's own-note history as (note title, card key) → review count and state fields, for comparing accounts. */
async function history(userId: string) {
  const logs = await db.reviewLog.findMany({ where: { userId, card: { paper: { ownerId: userId } } }, select: { rating: true, card: { select: { key: true, paper: { select: { title: true } } } } } });
  const states = await db.cardState.findMany({
    where: { userId, card: { paper: { ownerId: userId } } },
    select: { stability: true, difficulty: true, reps: true, due: true, card: { select: { key: true, paper: { select: { title: true } } } } },
  });
  return {
    logs: logs.map((l) => `${l.card.paper.title}/${l.card.key}/${l.rating}`).sort(),
    states: states.map((s) => ({ at: `${s.card.paper.title}/${s.card.key}`, stability: s.stability, difficulty: s.difficulty, reps: s.reps, due: s.due.toISOString() })).sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
}

describe("the JSON export and import with one's own notes", () => {
  it("exports the notes' markdown beside their history", async () => {
    const { user, first, second } = await author(["yarrowa", "yarrowb"]);
    const file = JSON.parse(await exportUserData(user.id, new Date())) as { ownNotes: { note: string; source: string }[]; reviewLogs: { note: string }[] };
    expect(file.ownNotes.map((n) => n.note).sort()).toEqual([first.slug, second.slug].sort());
    expect(file.ownNotes.find((n) => n.note === first.slug)?.source).toBe(ownNoteText("yarrowa"));
    expect(file.reviewLogs.filter((l) => l.note === first.slug || l.note === second.slug)).toHaveLength(2);
  });

  it("round-trips notes and review history into a new account after the old one is deleted (same slugs)", async () => {
    const { user, first, second, reviews } = await author(["wimbola", "wimbolb"]);
    const before = await history(user.id);
    const json: unknown = JSON.parse(await exportUserData(user.id, new Date()));
    await deleteAccountAndData(user.id);

    const again = await newUser();
    const result = await importUserDataJson(again.id, json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.ownNotes).toEqual({ added: 2, alreadyThere: 0, renamed: 0 });
    expect(result.summary.reviewLogs.added).toBe(reviews);
    expect(result.summary.skipped.unknownCards).toBe(0);
    const notes = await db.paper.findMany({ where: { ownerId: again.id }, select: { slug: true, status: true, retiredAt: true, prerequisites: true } });
    expect(notes.map((n) => n.slug).sort()).toEqual([first.slug, second.slug].sort());
    expect(notes.every((n) => n.status === "valid" && n.retiredAt === null)).toBe(true);
    expect(await history(again.id)).toEqual(before);
  });

  it("imports another account's export under new slugs with the history following, and a second import adds nothing", async () => {
    const { user, first, second, reviews } = await author(["quennela", "quennelb"]);
    const before = await history(user.id);
    const json: unknown = JSON.parse(await exportUserData(user.id, new Date()));

    const other = await newUser();
    const result = await importUserDataJson(other.id, json);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.summary.ownNotes).toEqual({ added: 2, alreadyThere: 0, renamed: 2 });
    expect(result.summary.reviewLogs.added).toBe(reviews);
    expect(result.summary.skipped.unknownCards).toBe(0);
    expect(await history(other.id)).toEqual(before);
    const theirs = await db.paper.findMany({ where: { ownerId: other.id }, select: { id: true, slug: true, title: true } });
    expect(theirs.some((n) => n.slug === first.slug || n.slug === second.slug)).toBe(false);
    const newFirst = theirs.find((n) => n.title === "Notes on quennela")!;
    const newSecond = theirs.find((n) => n.title === "Notes on quennelb")!;
    expect((await getOwnNoteSource(other.id, newSecond.id))?.source).toContain(`prerequisites: [${newFirst.slug}]`);
    // The author's notes are untouched and still theirs alone.
    expect(await db.paper.count({ where: { ownerId: user.id } })).toBe(2);

    const again = await importUserDataJson(other.id, JSON.parse(await exportUserData(other.id, new Date())));
    if (!again.ok) throw new Error(again.errors.join("\n"));
    expect(again.summary.ownNotes).toEqual({ added: 0, alreadyThere: 2, renamed: 0 });
    expect(again.summary.reviewLogs).toEqual({ added: 0, alreadyThere: reviews });
    expect(await db.paper.count({ where: { ownerId: other.id } })).toBe(2);
  });
});
