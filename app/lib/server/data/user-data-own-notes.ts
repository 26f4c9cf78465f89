import "#server-only";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { orderByPrerequisites, renamePrerequisites } from "@/app/lib/domain/content/own-note-import";
import type { UserDataFile } from "@/app/lib/schemas/user-data";
import { db } from "../db";
import { ConflictError } from "../errors";
import { createOwnNoteIn, hardDeleteOwnNotes, newOwnNoteSlug } from "./own-notes";

/**
 * The own notes of a JSON export (issue 17), written back before their history is imported so
 * that the file's card states and review log find their cards, as a corpus note's do.
 * A note the user already has (same slug) is left as it is. A new one keeps its slug when no
 * note has it (a new instance, or after the account was deleted) and otherwise gets a new one;
 * the file's references to it (and the other notes' prerequisites) are renamed to match.
 */
export interface RestoredOwnNotes {
  rename: Map<string, string>;
  createdIds: string[];
  summary: { added: number; alreadyThere: number; renamed: number };
}

export async function restoreOwnNotesFromFile(userId: string, notes: NonNullable<UserDataFile["ownNotes"]>, now: Date): Promise<RestoredOwnNotes> {
  const mine = new Set(
    (await db.paper.findMany({ where: { ownerId: userId, deletedAt: null, slug: { in: notes.map((n) => n.note) } }, select: { slug: true } })).map((p) => p.slug),
  );
  const missing = notes.filter((n) => !mine.has(n.note));
  const result: RestoredOwnNotes = { rename: new Map(), createdIds: [], summary: { added: 0, alreadyThere: notes.length - missing.length, renamed: 0 } };
  if (missing.length === 0) return result;
  const taken = new Set((await db.paper.findMany({ where: { slug: { in: missing.map((n) => n.note) } }, select: { slug: true } })).map((p) => p.slug));
  for (const n of missing) if (taken.has(n.note)) result.rename.set(n.note, newOwnNoteSlug());
  await db.$transaction(
    async (tx) => {
      const count = await tx.paper.count({ where: { ownerId: userId, deletedAt: null } });
      if (count + missing.length > OWN_NOTE_LIMITS.maxNotes) {
        throw new ConflictError(
          `The file holds ${missing.length} notes you do not have, but your account has room for ${Math.max(0, OWN_NOTE_LIMITS.maxNotes - count)} more (at most ${OWN_NOTE_LIMITS.maxNotes}). Delete some notes and import again; nothing was imported.`,
        );
      }
      for (const n of orderByPrerequisites(missing.map((m) => ({ slug: m.note, text: m.source })))) {
        const saved = await createOwnNoteIn(tx, userId, renamePrerequisites(n.text, result.rename), now, result.rename.get(n.slug) ?? n.slug);
        result.createdIds.push(saved.id);
      }
    },
    { timeout: 60_000 },
  );
  result.summary.added = missing.length;
  result.summary.renamed = result.rename.size;
  return result;
}

/** Undoes restoreOwnNotesFromFile when the rest of the import fails: the account is left as it was. */
export async function removeRestoredOwnNotes(userId: string, restored: RestoredOwnNotes): Promise<void> {
  if (restored.createdIds.length === 0) return;
  await db.$transaction((tx) => hardDeleteOwnNotes(tx, userId, { id: { in: restored.createdIds } }));
}

/** The file with every note reference renamed (study set, card states, review log, quiz attempts). */
export function renameNotesInFile(file: UserDataFile, rename: ReadonlyMap<string, string>): UserDataFile {
  if (rename.size === 0) return file;
  const to = (note: string) => rename.get(note) ?? note;
  return {
    ...file,
    studySet: file.studySet.map((s) => ({ ...s, note: to(s.note) })),
    cardStates: file.cardStates.map((s) => ({ ...s, note: to(s.note) })),
    reviewLogs: file.reviewLogs.map((l) => ({ ...l, note: to(l.note) })),
    quizAttempts: file.quizAttempts.map((a) => ({
      ...a,
      questions: a.questions.map((q) => ({ ...q, note: to(q.note) })),
      answers: a.answers.map((x) => ({ ...x, note: to(x.note) })),
    })),
  };
}
