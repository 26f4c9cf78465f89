import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { db } from "@/app/lib/server/db";
import { copyCorpusNote } from "@/app/lib/server/data/own-note-copy";
import { getOwnNoteSource } from "@/app/lib/server/data/own-notes";
import { answerCard } from "@/app/lib/server/data/review";
import { ConflictError, NotFoundError } from "@/app/lib/server/errors";
import { sessionOf } from "../helpers/fresh-database";
import { retireAllOwnNotes } from "./retire-own-notes";
import { fillNoteRoom } from "./fill-note-room";

afterAll(retireAllOwnNotes);

const email = () => `own-copy-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });
const mark = (title: string) => `${title} (my copy)`;

describe("making one's own copy of a corpus note", () => {
  it("creates a valid own note from the corpus file with its title marked, new card rows and no history", async () => {
    const user = await newUser();
    const corpus = await db.paper.findFirstOrThrow({ where: { slug: "clip", ownerId: null }, select: { id: true, title: true } });
    const corpusCards = await db.card.findMany({ where: { paperId: corpus.id, retiredAt: null }, select: { id: true, key: true } });
    // The user studied the original first: that history stays with the original's cards.
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: corpusCards[0]!.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 400 }, new Date());

    const saved = await copyCorpusNote(user.id, "clip", mark, new Date());
    expect(saved).toMatchObject({ status: "valid", errors: [] });
    expect(saved.slug).not.toBe("clip");
    const copy = await db.paper.findUniqueOrThrow({ where: { id: saved.id }, select: { ownerId: true, title: true, retiredAt: true } });
    expect(copy).toEqual({ ownerId: user.id, title: `${corpus.title} (my copy)`, retiredAt: null });
    const source = (await getOwnNoteSource(user.id, saved.id))!.source;
    expect(source).toContain(`title: ${JSON.stringify(`${corpus.title} (my copy)`)}`);

    const copyCards = await db.card.findMany({ where: { paperId: saved.id, retiredAt: null }, select: { id: true, key: true } });
    expect(copyCards.map((c) => c.key).sort()).toEqual(corpusCards.map((c) => c.key).sort());
    const originalIds = new Set(corpusCards.map((c) => c.id));
    expect(copyCards.every((c) => !originalIds.has(c.id))).toBe(true);
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: { in: copyCards.map((c) => c.id) } } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: user.id, cardId: { in: copyCards.map((c) => c.id) } } })).toBe(0);
    // The original is untouched.
    expect(await db.paper.findUniqueOrThrow({ where: { id: corpus.id }, select: { ownerId: true, title: true } })).toEqual({ ownerId: null, title: corpus.title });
  });

  it("refuses a slug the corpus lacks, another user's own note and a path out of the folder", async () => {
    const user = await newUser();
    const other = await newUser();
    const theirs = await copyCorpusNote(other.id, "bert", mark, new Date());
    for (const slug of ["no-such-note", theirs.slug, "../package", "clip/../../package", "CLIP"]) {
      await expect(copyCorpusNote(user.id, slug, mark, new Date())).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.paper.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it("counts toward the note limit", async () => {
    const user = await newUser();
    const stamp = randomUUID().slice(0, 8);
    await fillNoteRoom(user.id, OWN_NOTE_LIMITS.maxNotes, `my-copylimit-${stamp}`);
    await expect(copyCorpusNote(user.id, "clip", mark, new Date())).rejects.toBeInstanceOf(ConflictError);
  });
});
