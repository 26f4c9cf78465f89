import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "@/app/lib/domain/content";
import { syncCorpus } from "@/app/lib/server/content-sync";
import { db } from "@/app/lib/server/db";
import { applyCardControl } from "@/app/lib/server/data/card-controls";
import { browsableNotes, browseCards, getCardDetail } from "@/app/lib/server/data/card-browser";
import { parseCardBrowserQuery } from "@/app/lib/schemas/cards-browser";
import { masteryByPaper } from "@/app/lib/server/data/mastery";
import { getNoteStatusForUser } from "@/app/lib/server/data/note-status";
import { createOwnNote, deleteOwnNote, getOwnNote, getOwnNoteSource, restoreOwnNote, updateOwnNote } from "@/app/lib/server/data/own-notes";
import { getNote, listLibrary, listTags, noteName, searchPapers } from "@/app/lib/server/data/papers";
import { getProgressDashboard } from "@/app/lib/server/data/progress";
import { listQuizSources, loadAssemblyQuestions } from "@/app/lib/server/data/quiz-questions";
import { startQuizAttempt } from "@/app/lib/server/data/quiz-attempts";
import { answerCard } from "@/app/lib/server/data/review";
import { importReviewLogCsv } from "@/app/lib/server/data/review-csv";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { allowNoteNewToday } from "@/app/lib/server/data/note-new-allowance";
import { studiedCardCount } from "@/app/lib/server/data/settings";
import { addPaperToStudySet } from "@/app/lib/server/data/study-set";
import { ankiTsv, notesWithCards } from "@/app/lib/server/data/user-data-anki";
import { exportApkg } from "@/app/lib/server/data/user-data-apkg";
import { NotFoundError } from "@/app/lib/server/errors";
import { readContentFiles, readTranslationFiles } from "@/scripts/lib/content-files";
import { scriptPrisma } from "@/scripts/lib/prisma";
import { sessionOf } from "../helpers/fresh-database";
import { exportUserData } from "../helpers/user-data-export";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `own-notes-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });

describe("one user's own notes are nobody else's", () => {
  const word = `zorblax${Math.random().toString(36).slice(2, 8)}`;
  let a: { id: string };
  let b: { id: string };
  let note: { id: string; slug: string };
  let cardIds: string[];

  beforeAll(async () => {
    [a, b] = await Promise.all([newUser(), newUser()]);
    const saved = await createOwnNote(a.id, ownNoteText(word), new Date());
    expect(saved.errors).toEqual([]);
    note = saved;
    cardIds = (await db.card.findMany({ where: { paperId: note.id, retiredAt: null }, select: { id: true } })).map((c) => c.id);
    expect(cardIds.length).toBeGreaterThanOrEqual(2); // the card and the key term's cloze
    await answerCard(sessionOf(a.id), { clientId: randomUUID(), cardId: cardIds[0]!, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 900 }, new Date());
  });

  it("shows the owner's note in their library, marked as theirs, and in no one else's", async () => {
    const mine = await listLibrary({}, a.id);
    expect(mine.find((e) => e.id === note.id)).toMatchObject({ mine: true, cardCount: cardIds.length });
    expect((await listLibrary({ owner: "mine" }, a.id)).map((e) => e.id)).toEqual([note.id]);
    expect((await listLibrary({}, b.id)).some((e) => e.id === note.id)).toBe(false);
    expect((await listLibrary({ owner: "mine" }, b.id)).some((e) => e.id === note.id)).toBe(false);
    expect((await listLibrary({}, null)).some((e) => e.id === note.id)).toBe(false);
    expect(await listTags(a.id)).toContain("own-notes");
    expect(await listTags(b.id)).not.toContain("own-notes");
  });

  it("finds the note in the owner's search only", async () => {
    expect((await searchPapers(word, "en", a.id)).map((h) => h.id)).toEqual([note.id]);
    expect(await searchPapers(word, "en", b.id)).toEqual([]);
    expect(await searchPapers(word)).toEqual([]);
    expect((await listLibrary({ q: word }, b.id)).length).toBe(0);
  });

  it("never serves an own note on the shared note page, and names it to its owner only", async () => {
    expect(await getNote(note.slug)).toBeNull();
    expect(await noteName(note.slug, a.id)).toBe(word);
    expect(await noteName(note.slug, b.id)).toBeNull();
    expect(await getOwnNote(b.id, note.id)).toBeNull();
    expect(await getOwnNoteSource(b.id, note.id)).toBeNull();
    expect((await getOwnNote(a.id, note.id))?.rendered?.segments.length).toBeGreaterThan(0);
  });

  it("puts the note's cards in the owner's review queue and refuses another user's answer to them", async () => {
    const queueA = await loadReviewQueue(a.id, new Date(), { scope: { paper: note.slug }, limit: 20 });
    expect(queueA.cards.length).toBeGreaterThan(0);
    const queueB = await loadReviewQueue(b.id, new Date(), { scope: { paper: note.slug }, limit: 20 });
    expect(queueB.cards).toEqual([]);
    // A note's session studies it outside the study set, but never another user's note; nor
    // may "study them anyway" name it.
    await db.userSettings.update({ where: { userId: b.id }, data: { studyAll: false } });
    expect((await loadReviewQueue(b.id, new Date(), { scope: { paper: note.slug }, limit: 20 })).cards).toEqual([]);
    await expect(allowNoteNewToday(b.id, { timeZone: "UTC", dayStartHour: 4 }, note.slug, 5, new Date())).rejects.toBeInstanceOf(NotFoundError);
    await db.userSettings.update({ where: { userId: b.id }, data: { studyAll: true } });
    const whole = await loadReviewQueue(b.id, new Date(), { limit: 500 });
    expect(whole.cards.some((c) => cardIds.includes(c.cardId))).toBe(false);
    await expect(
      answerCard(sessionOf(b.id), { clientId: randomUUID(), cardId: cardIds[0]!, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 900 }, new Date()),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addPaperToStudySet(b.id, note.slug)).rejects.toBeInstanceOf(NotFoundError);
    // Card controls (suspend, flag, …) would make a state row for B on A's card: refused alike.
    for (const action of ["suspend", "bury", "reset"] as const) {
      await expect(applyCardControl(b.id, { clientId: randomUUID(), cardIds: [cardIds[0]!], action }, new Date())).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.cardState.count({ where: { userId: b.id, cardId: { in: cardIds } } })).toBe(0);
    // The card browser lists, details and offers the note to its owner only.
    const [pageA, pageB] = await Promise.all([
      browseCards(a.id, parseCardBrowserQuery({ note: note.slug }), new Date()),
      browseCards(b.id, parseCardBrowserQuery({ note: note.slug }), new Date()),
    ]);
    expect(pageA.cards.map((c) => c.cardId).sort()).toEqual([...cardIds].sort());
    expect(pageB.cards).toEqual([]);
    expect(await getCardDetail(b.id, cardIds[0]!, new Date())).toBeNull();
    expect(await getCardDetail(a.id, cardIds[0]!, new Date())).not.toBeNull();
    expect((await browsableNotes(b.id)).some((n) => n.slug === note.slug)).toBe(false);
    expect((await browsableNotes(a.id)).some((n) => n.slug === note.slug)).toBe(true);
    expect(await getNoteStatusForUser(b.id, note.slug, new Date())).toBeNull();
    expect(await getNoteStatusForUser(a.id, note.slug, new Date())).not.toBeNull();
    const [countA, countB] = await Promise.all([studiedCardCount(a.id, true), studiedCardCount(b.id, true)]);
    expect(countA - countB).toBe(cardIds.length);
  });

  it("quizzes the owner on the note and no one else", async () => {
    expect((await listQuizSources(a.id)).flatMap((s) => s.notes).some((n) => n.slug === note.slug)).toBe(true);
    expect((await listQuizSources(b.id)).flatMap((s) => s.notes).some((n) => n.slug === note.slug)).toBe(false);
    expect((await loadAssemblyQuestions({ slugs: [note.slug], userId: b.id })).length).toBe(0);
    const started = await startQuizAttempt({ kind: "user", userId: a.id }, { scope: { kind: "note", slug: note.slug }, length: 5, mode: "each" }, new Date());
    expect(started.total).toBe(1);
    await expect(
      startQuizAttempt({ kind: "user", userId: b.id }, { scope: { kind: "note", slug: note.slug }, length: 5, mode: "each" }, new Date()),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      startQuizAttempt({ kind: "guest", guestToken: randomUUID() }, { scope: { kind: "note", slug: note.slug }, length: 5, mode: "each" }, new Date()),
    ).rejects.toBeInstanceOf(NotFoundError);
    const areas = await startQuizAttempt({ kind: "user", userId: b.id }, { scope: { kind: "areas", areas: ["concepts"] }, length: 50, mode: "each" }, new Date());
    const asked = await db.quizAttempt.findUniqueOrThrow({ where: { id: areas.attemptId }, select: { questionIds: true } });
    const ownQuestions = await db.quizQuestion.findMany({ where: { paperId: note.id }, select: { id: true } });
    expect(asked.questionIds.some((id) => ownQuestions.some((q) => q.id === id))).toBe(false);
  });

  it("counts the note in the owner's progress and mastery only", async () => {
    const [mastA, mastB] = await Promise.all([masteryByPaper(a.id, new Date()), masteryByPaper(b.id, new Date())]);
    expect(mastA.has(note.id)).toBe(true);
    expect(mastB.has(note.id)).toBe(false);
    const [progA, progB] = await Promise.all([getProgressDashboard(a.id, new Date()), getProgressDashboard(b.id, new Date())]);
    expect(progA.mastery.some((m) => m.slug === note.slug)).toBe(true);
    expect(progB.mastery.some((m) => m.slug === note.slug)).toBe(false);
  });

  it("leaves the note out of another user's exports and imports", async () => {
    expect((await notesWithCards(a.id)).some((n) => n.slug === note.slug)).toBe(true);
    expect((await notesWithCards(b.id)).some((n) => n.slug === note.slug)).toBe(false);
    await expect(ankiTsv([note.slug], {}, b.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ankiTsv([note.slug])).rejects.toBeInstanceOf(NotFoundError);
    expect(await ankiTsv([note.slug], {}, a.id)).toContain(word);
    await expect(exportApkg(b.id, [note.slug], new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect(await exportUserData(b.id, new Date())).not.toContain(note.slug);
    expect(await exportUserData(a.id, new Date())).toContain(note.slug);
    const csv = `card_id,review_time,review_rating,review_state,review_duration\n${cardIds[0]},${Date.now() - 60_000},3,0,1000\n`;
    const result = await importReviewLogCsv(b.id, csv, new Date());
    expect(result.added).toBe(0);
    expect(result.errors.some((e) => e.message.includes("no card has the id"))).toBe(true);
    expect(await db.reviewLog.count({ where: { userId: b.id, cardId: { in: cardIds } } })).toBe(0);
  });

  it("refuses another user's edit, delete and restore as 'not found'", async () => {
    await expect(updateOwnNote(b.id, note.id, ownNoteText("hijack"), new Date())).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteOwnNote(b.id, note.id, new Date())).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreOwnNote(b.id, note.id, new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect((await getOwnNoteSource(a.id, note.id))?.source).toContain(word);
  });

  it("keeps own notes through a content sync, which touches the corpus only", async () => {
    const corpus = loadCorpus(await readContentFiles(), await readTranslationFiles());
    const prisma = scriptPrisma(process.env.DATABASE_URL ?? "");
    const summary = await syncCorpus(prisma, corpus).finally(() => prisma.$disconnect());
    expect(summary.notes.retired).toBe(0);
    const row = await db.paper.findUniqueOrThrow({ where: { id: note.id }, select: { retiredAt: true } });
    expect(row.retiredAt).toBeNull();
    expect(await db.card.count({ where: { paperId: note.id, retiredAt: null } })).toBe(cardIds.length);
  });
});
