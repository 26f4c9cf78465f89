import "#server-only";
import { readZip, writeZip, ZipFormatError } from "@/app/lib/domain/anki/zip";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import {
  badEntryName,
  IMPORT_LIMITS,
  isSkippedEntry,
  planImport,
  renamePrerequisites,
  slugOfEntry,
  type UploadedFile,
} from "@/app/lib/domain/content/own-note-import";
import type { ContentError } from "@/app/lib/domain/content/types";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "@/app/generated/prisma/client";
import { checkContext, createOwnNoteIn, newOwnNoteSlug, purgeExpiredNotes, updateOwnNoteIn } from "./own-notes";

type Tx = Prisma.TransactionClient;

/**
 * Own notes as files in the content format (issue 17): each exported as `<slug>.md` (its
 * markdown as last saved), all of them as one .zip; .md files or a .zip of them imported as own
 * notes (new ones, or updates of the notes the same files made before). See app/lib/domain/content/own-note-import.ts for the rules of an upload.
 */

export interface NoteFile {
  name: string;
  text: string;
}

/** The owner's notes (not the deleted ones) as `<slug>.md` files, oldest first. */
export async function exportOwnNoteFiles(userId: string, id?: string): Promise<NoteFile[]> {
  const notes = await db.paper.findMany({
    where: { ownerId: userId, deletedAt: null, ...(id ? { id } : {}) },
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: { slug: true, source: true },
  });
  if (id && notes.length === 0) throw new NotFoundError("There is no such note.");
  return notes.map((n) => ({ name: `${n.slug}.md`, text: n.source ?? "" }));
}

/** The owner's notes as one .zip of `<slug>.md` files. */
export async function exportOwnNotesZip(userId: string, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const files = await exportOwnNoteFiles(userId);
  const encoder = new TextEncoder();
  return writeZip(files.map((f) => ({ name: f.name, data: encoder.encode(f.text) })), now);
}

export type ReadUpload = { ok: true; files: UploadedFile[] } | { ok: false; errors: ContentError[] };

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The notes of an upload: a .zip's markdown entries, or one .md file named `name`. Entry count,
 * names and sizes are checked before anything is inflated, and each entry is inflated with a
 * cap, so a zip bomb costs at most one note's size a file.
 */
export function readUpload(bytes: Uint8Array, name: string): ReadUpload {
  const errors: ContentError[] = [];
  const decode = (file: string, data: Uint8Array): string | null => {
    try {
      return utf8.decode(data);
    } catch {
      errors.push({ file, line: 1, message: "the file is not UTF-8 text" });
      return null;
    }
  };
  if (!isZip(bytes)) {
    const bad = badEntryName(name);
    if (bad) return { ok: false, errors: [{ file: name, line: 1, message: `${bad} (or upload a .zip of them)` }] };
    const text = decode(name, bytes);
    return text === null ? { ok: false, errors } : { ok: true, files: [{ name, text }] };
  }
  let zip;
  try {
    zip = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) return { ok: false, errors: [{ file: name, line: 1, message: `not a readable .zip: ${error.message}` }] };
    throw error;
  }
  if (zip.names.length > IMPORT_LIMITS.maxZipEntries) {
    return { ok: false, errors: [{ file: name, line: 1, message: `the .zip holds ${zip.names.length} entries; an upload may hold at most ${IMPORT_LIMITS.maxZipEntries}` }] };
  }
  const entries = zip.names.filter((n) => !isSkippedEntry(n));
  for (const entry of entries) {
    const bad = badEntryName(entry);
    if (bad) errors.push({ file: entry, line: 1, message: bad });
  }
  if (errors.length) return { ok: false, errors };
  if (entries.length > IMPORT_LIMITS.maxFiles) {
    return { ok: false, errors: [{ file: name, line: 1, message: `the .zip holds ${entries.length} notes; import at most ${IMPORT_LIMITS.maxFiles} at a time` }] };
  }
  const files: UploadedFile[] = [];
  for (const entry of entries) {
    let data: Uint8Array | null;
    try {
      data = zip.read(entry, OWN_NOTE_LIMITS.maxBytes);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      errors.push({ file: entry, line: 1, message: / larger than /.test(error.message) ? `the file is larger than ${OWN_NOTE_LIMITS.maxBytes / 1024} KB, the most a note may be: split it in two` : error.message });
      continue;
    }
    const text = data && decode(entry, data);
    if (text !== null && text !== undefined) files.push({ name: entry, text });
  }
  return errors.length ? { ok: false, errors } : { ok: true, files };
}

export type ImportResult =
  | { ok: true; imported: { id: string; slug: string; file: string; updated: boolean }[] }
  | { ok: false; errors: ContentError[] };

/**
 * Imports every file of an upload, or none of them: every error with its file and line, and
 * nothing written. A file imported before (its slug is a live note's `importSlug`), or named
 * after one of the user's notes (`my-….md`, as exported), updates that note as an edit does:
 * cards keep their ids and reviews, so importing the same file twice makes one note. Any other
 * file becomes a new note with a new own slug; the upload's prerequisites among its own files
 * are renamed to match.
 */
export async function importOwnNoteFiles(userId: string, files: readonly UploadedFile[], now: Date): Promise<ImportResult> {
  await purgeExpiredNotes(userId, now);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
      const count = await tx.paper.count({ where: { ownerId: userId, deletedAt: null } });
      const existing = await notesOfFiles(tx, userId, files.map((f) => slugOfEntry(f.name)));
      const context = await checkContext(tx, userId, null);
      // A file that updates a note takes no room of the account's.
      const plan = planImport(files, context, OWN_NOTE_LIMITS.maxNotes - count + existing.size);
      if (!plan.ok) return plan;
      const rename = new Map<string, string>();
      for (const note of plan.notes) {
        const target = existing.get(note.slug);
        if (target) {
          if (target.slug !== note.slug) rename.set(note.slug, target.slug);
        } else if (!context.knownSlugs.has(note.slug)) rename.set(note.slug, newOwnNoteSlug());
      }
      const imported: { id: string; slug: string; file: string; updated: boolean }[] = [];
      for (const note of plan.notes) {
        const text = renamePrerequisites(note.text, rename);
        const target = existing.get(note.slug);
        const saved = target
          ? await updateOwnNoteIn(tx, userId, target, text, now)
          : await createOwnNoteIn(tx, userId, text, now, rename.get(note.slug) ?? newOwnNoteSlug(), note.slug);
        // The plan checked this text already; a failure here is a bug, and the transaction undoes every note.
        if (saved.status !== "valid") throw new Error(`an imported note failed its second check: ${note.name}: ${saved.errors[0]?.message}`);
        imported.push({ id: saved.id, slug: saved.slug, file: note.name, updated: target !== undefined });
      }
      return { ok: true as const, imported };
    },
    { timeout: 60_000 },
  );
}

/**
 * The user's live notes that files with these slugs update: the one a file of that name was
 * imported as (the latest, should a restored note share it), else the note with that very slug
 * (an exported `my-….md` brought back). Keyed by the file's slug.
 */
async function notesOfFiles(tx: Tx, userId: string, slugs: string[]): Promise<Map<string, { id: string; slug: string }>> {
  const rows = await tx.paper.findMany({
    where: { ownerId: userId, deletedAt: null, OR: [{ importSlug: { in: slugs } }, { slug: { in: slugs } }] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, slug: true, importSlug: true },
  });
  const bySlug = new Map<string, { id: string; slug: string }>();
  const taken = new Set<string>();
  // One note per file: should two files of an upload name the same note, the second is new.
  const take = (key: string, row: { id: string; slug: string }) => {
    if (bySlug.has(key) || taken.has(row.id)) return;
    bySlug.set(key, { id: row.id, slug: row.slug });
    taken.add(row.id);
  };
  for (const row of rows) if (row.importSlug && slugs.includes(row.importSlug)) take(row.importSlug, row);
  for (const row of rows) if (slugs.includes(row.slug)) take(row.slug, row);
  return bySlug;
}
