import "#server-only";
import { readZip, writeZip, ZipFormatError } from "@/app/lib/domain/anki/zip";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import {
  badEntryName,
  IMPORT_LIMITS,
  isSkippedEntry,
  planImport,
  renamePrerequisites,
  type UploadedFile,
} from "@/app/lib/domain/content/own-note-import";
import type { ContentError } from "@/app/lib/domain/content/types";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { checkContext, createOwnNoteIn, newOwnNoteSlug, purgeExpiredNotes } from "./own-notes";

/**
 * Own notes as files in the content format (issue 17): each exported as `<slug>.md` (its
 * markdown as last saved), all of them as one .zip; .md files or a .zip of them imported as new
 * own notes. See app/lib/domain/content/own-note-import.ts for the rules of an upload.
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
  | { ok: true; imported: { id: string; slug: string; file: string }[] }
  | { ok: false; errors: ContentError[] };

/**
 * Imports every file of an upload as a new own note, or none of them: every error with its
 * file and line, and nothing written. Each note gets a new own slug; the upload's
 * prerequisites among its own files are renamed to match.
 */
export async function importOwnNoteFiles(userId: string, files: readonly UploadedFile[], now: Date): Promise<ImportResult> {
  await purgeExpiredNotes(userId, now);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
      const count = await tx.paper.count({ where: { ownerId: userId, deletedAt: null } });
      const context = await checkContext(tx, userId, null);
      const plan = planImport(files, context, OWN_NOTE_LIMITS.maxNotes - count);
      if (!plan.ok) return plan;
      const rename = new Map<string, string>();
      for (const note of plan.notes) if (!context.knownSlugs.has(note.slug)) rename.set(note.slug, newOwnNoteSlug());
      const imported: { id: string; slug: string; file: string }[] = [];
      for (const note of plan.notes) {
        const slug = rename.get(note.slug) ?? newOwnNoteSlug();
        const saved = await createOwnNoteIn(tx, userId, renamePrerequisites(note.text, rename), now, slug);
        // The plan checked this text already; a failure here is a bug, and the transaction undoes every note.
        if (saved.status !== "valid") throw new Error(`an imported note failed its second check: ${note.name}: ${saved.errors[0]?.message}`);
        imported.push({ id: saved.id, slug: saved.slug, file: note.name });
      }
      return { ok: true as const, imported };
    },
    { timeout: 60_000 },
  );
}
