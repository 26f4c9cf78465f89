import "#server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import { contentHash } from "@/app/lib/domain/content/content-hash";
import { searchDocument } from "@/app/lib/domain/content/note-order";
import { OWN_NOTE_LIMITS, checkOwnNote, ownSortKeys, type OwnNoteCheck } from "@/app/lib/domain/content/own-note";
import type { ContentError } from "@/app/lib/domain/content/types";
import { renderNote } from "@/app/lib/domain/content/render-note";
import { noteLayoutSchema } from "@/app/lib/schemas/rendered-note";
import { syncNoteItems } from "../content-sync-items";
import { paperData } from "../content-sync-rows";
import { db } from "../db";
import { OwnNoteEditedElsewhereError, OwnNoteLimitError, OwnNoteNotFoundError, OwnNoteNotRestorableError } from "./own-note-errors";

/**
 * A user's own notes (issue 17): rows of Paper/Card/QuizQuestion with `ownerId` set. Every
 * function takes the owner and reads or writes that owner's rows only; another user's note is
 * "not found", never "forbidden", so ids do not leak.
 *
 * A note's `source` is the markdown as last saved; its other columns and its items are its last
 * VALID version. A save with errors is a draft (status "draft"): the source is kept, the rows
 * and every review stay as they were, so a broken edit is never studied. A note never valid has
 * no live version (retiredAt set) and is in no library, queue or quiz.
 */

type Tx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SavedOwnNote {
  id: string;
  slug: string;
  status: "valid" | "draft";
  errors: ContentError[];
  savedAt: string;
}

/** A slug no corpus file has (`my-` + random): unique across users, stable across edits. */
function newOwnSlug(): string {
  return `my-${randomBytes(6).toString("hex")}`;
}

/** What `checkOwnNote` needs from the database: every slug the owner can see, their notes' prerequisites. */
export async function checkContext(tx: Tx, userId: string, exceptId: string | null) {
  const [corpus, own] = await Promise.all([
    tx.paper.findMany({ where: { ownerId: null, retiredAt: null }, select: { slug: true } }),
    tx.paper.findMany({ where: { ownerId: userId, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { slug: true, prerequisites: true, retiredAt: true } }),
  ]);
  return {
    knownSlugs: new Set([...corpus.map((p) => p.slug), ...own.filter((p) => !p.retiredAt).map((p) => p.slug)]),
    ownPrerequisites: new Map(own.map((p) => [p.slug, p.prerequisites])),
  };
}

/** Checks a note's text as it would be saved, without saving (the server's word on a preview). */
export async function checkOwnNoteText(userId: string, noteId: string | null, text: string): Promise<OwnNoteCheck & { slug: string }> {
  const existing = noteId ? await ownNoteOrThrow(userId, noteId) : null;
  const slug = existing?.slug ?? "my-new-note";
  const context = await db.$transaction((tx) => checkContext(tx, userId, existing?.id ?? null));
  return { slug, ...checkOwnNote(slug, text, context) };
}

async function ownNoteOrThrow(userId: string, id: string, options: { deleted?: boolean } = {}) {
  const note = await db.paper.findFirst({
    where: { id, ownerId: userId, ...(options.deleted ? {} : { deletedAt: null }) },
    select: { id: true, slug: true, deletedAt: true, updatedAt: true },
  });
  if (!note) throw new OwnNoteNotFoundError();
  return note;
}

/** Creates a note from its markdown: valid or a draft, never refused for its errors. */
export async function createOwnNote(userId: string, text: string, now: Date): Promise<SavedOwnNote> {
  await purgeExpiredNotes(userId, now);
  return db.$transaction((tx) => createOwnNoteIn(tx, userId, text, now));
}

/**
 * createOwnNote's steps inside the caller's transaction (an import creates several notes in
 * one). `slug` is a new own slug unless the caller chose one (it must be free); `importSlug`
 * is the slug of the file an import made it from (the same file imported again updates it).
 */
export async function createOwnNoteIn(tx: Tx, userId: string, text: string, now: Date, slug = newOwnSlug(), importSlug?: string): Promise<SavedOwnNote> {
  // Counted inside the transaction, under a lock on the user's row: two tabs cannot both pass.
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const count = await tx.paper.count({ where: { ownerId: userId, deletedAt: null } });
  if (count >= OWN_NOTE_LIMITS.maxNotes) {
    throw new OwnNoteLimitError(count);
  }
  const check = checkOwnNote(slug, text, await checkContext(tx, userId, null));
  const paper = await tx.paper.create({
    data: { ...placeholderData(slug), ownerId: userId, source: text, status: "draft", retiredAt: now, sortKey: 0, importSlug },
    select: { id: true },
  });
  return applyCheck(tx, userId, paper.id, slug, text, check, now);
}

/** A slug no note has yet (`my-` + random), for a note created outside createOwnNote. */
export const newOwnNoteSlug = newOwnSlug;

/**
 * Saves an edit. `baseUpdatedAt` (the version the editor loaded or last saved) refuses to
 * overwrite a newer save from another tab: a 409 whose message says so.
 */
export async function updateOwnNote(userId: string, id: string, text: string, now: Date, baseUpdatedAt?: string): Promise<SavedOwnNote> {
  return db.$transaction(async (tx) => {
    const note = await tx.paper.findFirst({
      where: { id, ownerId: userId, deletedAt: null },
      select: { id: true, slug: true, updatedAt: true, status: true, prerequisites: true },
    });
    if (!note) throw new OwnNoteNotFoundError();
    if (baseUpdatedAt && note.updatedAt.toISOString() !== baseUpdatedAt) {
      throw new OwnNoteEditedElsewhereError();
    }
    return updateOwnNoteIn(tx, userId, note, text, now);
  });
}

/**
 * updateOwnNote's steps inside the caller's transaction, for a note the caller found among the
 * user's live notes (an import that updates the note a file made before): an edit like any, so
 * cards keep their ids and reviews and removed ones are retired with their history.
 */
export async function updateOwnNoteIn(
  tx: Tx,
  userId: string,
  note: { id: string; slug: string; status?: string; prerequisites?: string[] },
  text: string,
  now: Date,
): Promise<SavedOwnNote> {
  const check = checkOwnNote(note.slug, text, await checkContext(tx, userId, note.id));
  // A valid note whose prerequisites stay as they were keeps its place among the owner's notes:
  // the reorder (a read of all of them) is skipped, as most saves are edits of the body.
  const samePlace =
    note.status === "valid" && note.prerequisites !== undefined && check.note !== null && sameList(note.prerequisites, check.note.meta.prerequisites);
  return applyCheck(tx, userId, note.id, note.slug, text, check, now, !samePlace);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Writes the source, and when it is valid the note's rows and items; then reorders the owner's notes. */
async function applyCheck(tx: Tx, userId: string, id: string, slug: string, text: string, check: OwnNoteCheck, now: Date, reorder = true): Promise<SavedOwnNote> {
  let saved;
  if (check.note) {
    const search = searchDocument(check.note, check.cards, check.questions);
    // Without a reorder the note keeps the sort key it has (paperData's 0 is the reorder's to fix).
    const { sortKey, ...data } = paperData(check.note, 0, search);
    saved = await tx.paper.update({
      where: { id },
      data: {
        ...data,
        ...(reorder ? { sortKey } : {}),
        slug,
        source: text,
        status: "valid",
        retiredAt: null,
        contentHash: contentHash({ file: check.note.hash, search }),
        updatedAt: now,
      },
      select: { updatedAt: true },
    });
    await syncNoteItems(tx, id, check.cards, check.questions, now);
    if (reorder) await reorderOwnNotes(tx, userId);
  } else {
    saved = await tx.paper.update({ where: { id }, data: { source: text, status: "draft", updatedAt: now }, select: { updatedAt: true } });
  }
  return { id, slug, status: check.note ? "valid" : "draft", errors: check.errors, savedAt: saved.updatedAt.toISOString() };
}

/** Sort keys after the corpus, each note after its own prerequisites (`ownSortKeys`). */
async function reorderOwnNotes(tx: Tx, userId: string) {
  const notes = await tx.paper.findMany({ where: { ownerId: userId }, select: { id: true, slug: true, prerequisites: true, sortKey: true, updatedAt: true } });
  const keys = ownSortKeys(notes);
  for (const note of notes) {
    const key = keys.get(note.slug);
    // updatedAt kept: it is the editor's conflict token, and a move is not an edit.
    if (key !== undefined && key !== note.sortKey) await tx.paper.update({ where: { id: note.id }, data: { sortKey: key, updatedAt: note.updatedAt } });
  }
}

/** The required columns of a note that has no valid version yet. */
function placeholderData(slug: string) {
  return {
    slug,
    title: "Untitled note",
    short: "Untitled",
    kind: "concept",
    area: "concepts",
    summary: "",
    body: "",
    rendered: { bodyStartLine: 1, blocks: [], headings: [] },
    contentHash: "",
  };
}

/**
 * Deletes a note softly: hidden everywhere at once, its items retired at the same instant (so
 * the review queue drops them as it drops any retired card), restorable for 30 days.
 */
export async function deleteOwnNote(userId: string, id: string, now: Date): Promise<{ restorableUntil: string }> {
  await db.$transaction(async (tx) => {
    const note = await tx.paper.findFirst({ where: { id, ownerId: userId, deletedAt: null }, select: { id: true } });
    if (!note) throw new OwnNoteNotFoundError();
    await tx.paper.update({ where: { id }, data: { deletedAt: now } });
    await tx.card.updateMany({ where: { paperId: id, retiredAt: null }, data: { retiredAt: now } });
    await tx.quizQuestion.updateMany({ where: { paperId: id, retiredAt: null }, data: { retiredAt: now } });
  });
  return { restorableUntil: new Date(now.getTime() + OWN_NOTE_LIMITS.restoreDays * DAY_MS).toISOString() };
}

/** Restores a note deleted in the last 30 days, with the items that were live when it was deleted. */
export async function restoreOwnNote(userId: string, id: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const note = await tx.paper.findFirst({ where: { id, ownerId: userId, deletedAt: { not: null } }, select: { id: true, deletedAt: true } });
    if (!note?.deletedAt || now.getTime() - note.deletedAt.getTime() > OWN_NOTE_LIMITS.restoreDays * DAY_MS) {
      throw new OwnNoteNotRestorableError();
    }
    const count = await tx.paper.count({ where: { ownerId: userId, deletedAt: null } });
    if (count >= OWN_NOTE_LIMITS.maxNotes) {
      throw new OwnNoteLimitError(count, true);
    }
    await tx.card.updateMany({ where: { paperId: id, retiredAt: note.deletedAt }, data: { retiredAt: null } });
    await tx.quizQuestion.updateMany({ where: { paperId: id, retiredAt: note.deletedAt }, data: { retiredAt: null } });
    await tx.paper.update({ where: { id }, data: { deletedAt: null } });
  });
}

/**
 * Deletes for good the owner's notes matching `where` with their items and everything that
 * points at them (the owner's card states, review log lines, quiz answers): deleted notes past
 * their 30 days, or all of them with the account.
 */
export async function hardDeleteOwnNotes(tx: Tx, userId: string, where: Prisma.PaperWhereInput = {}): Promise<number> {
  const papers = await tx.paper.findMany({ where: { ...where, ownerId: userId }, select: { id: true } });
  if (papers.length === 0) return 0;
  const paperIds = papers.map((p) => p.id);
  const items = { paperId: { in: paperIds } };
  await tx.cardState.deleteMany({ where: { card: items } });
  await tx.reviewLog.deleteMany({ where: { card: items } });
  await tx.quizAnswer.deleteMany({ where: { question: items } });
  await tx.quizQuestion.deleteMany({ where: items });
  await tx.card.deleteMany({ where: items });
  await tx.paper.deleteMany({ where: { id: { in: paperIds } } });
  return papers.length;
}

/** Deleted notes past their 30 days are gone for good (run before listing and creating). */
export async function purgeExpiredNotes(userId: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - OWN_NOTE_LIMITS.restoreDays * DAY_MS);
  const expired = await db.paper.count({ where: { ownerId: userId, deletedAt: { lt: before } } });
  if (expired === 0) return 0;
  return db.$transaction((tx) => hardDeleteOwnNotes(tx, userId, { deletedAt: { lt: before } }));
}

export interface OwnNoteSummary {
  id: string;
  slug: string;
  title: string;
  status: "valid" | "draft";
  live: boolean;
  cardCount: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** The owner's notes, newest first, and those deleted in the last 30 days (restorable). */
export async function listOwnNotes(userId: string, now: Date): Promise<{ notes: OwnNoteSummary[]; deleted: OwnNoteSummary[] }> {
  await purgeExpiredNotes(userId, now);
  const rows = await db.paper.findMany({
    where: { ownerId: userId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      retiredAt: true,
      updatedAt: true,
      deletedAt: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
  const summaries = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status === "valid" ? ("valid" as const) : ("draft" as const),
    live: r.retiredAt === null,
    cardCount: r._count.cards,
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }));
  return { notes: summaries.filter((n) => !n.deletedAt), deleted: summaries.filter((n) => n.deletedAt) };
}

/** A note's source for its editor, with its last save's instant (the editor's conflict check). */
export async function getOwnNoteSource(userId: string, id: string) {
  const note = await db.paper.findFirst({
    where: { id, ownerId: userId, deletedAt: null },
    select: { id: true, slug: true, title: true, source: true, status: true, updatedAt: true },
  });
  if (!note) return null;
  return { id: note.id, slug: note.slug, title: note.title, source: note.source ?? "", status: note.status, updatedAt: note.updatedAt.toISOString() };
}

/** An own note's page: its last valid version, rendered, with its live items; null for none. */
export async function getOwnNote(userId: string, id: string) {
  const paper = await db.paper.findFirst({
    where: { id, ownerId: userId, deletedAt: null },
    include: {
      cards: {
        where: { retiredAt: null },
        orderBy: [{ derived: "asc" }, { position: "asc" }],
        select: { id: true, key: true, type: true, front: true, back: true, anchor: true, source: true, derived: true },
      },
      questions: {
        where: { retiredAt: null },
        orderBy: [{ derived: "asc" }, { position: "asc" }],
        select: { id: true, key: true, type: true, prompt: true, anchor: true },
      },
    },
  });
  if (!paper) return null;
  const layout = noteLayoutSchema.parse(paper.rendered);
  return { ...paper, rendered: paper.retiredAt ? null : renderNote({ body: paper.body, ...layout }, { untrusted: true }) };
}

/** The id of the owner's (live) note with this slug, or null. */
export async function ownNoteIdBySlug(userId: string, slug: string): Promise<string | null> {
  const note = await db.paper.findFirst({ where: { slug, ownerId: userId, deletedAt: null }, select: { id: true } });
  return note?.id ?? null;
}
