/**
 * Importing markdown files in the content format as one's own notes (issue 17), and the limits
 * on an upload. Pure: the server reads the upload (a .md file or a .zip) and the database, this
 * decides which entries are notes, checks each as the corpus's parser and the own-note rules
 * do, and orders them so that each comes after the notes of the upload it needs.
 *
 * One upload is imported whole or not at all: its files may name each other as prerequisites,
 * so importing the valid half would leave the rest pointing at nothing, and fixing one file and
 * uploading the same archive again would duplicate every note that got in the first time.
 */
import { SLUG_PATTERN } from "@/app/lib/schemas/content";
import { checkOwnNote, OWN_NOTE_LIMITS, type OwnNoteContext } from "./own-note";
import { parseNote } from "./parse-note";
import type { ContentError } from "./types";

export const IMPORT_LIMITS = {
  /** Bytes of one upload as sent (a .md file or a .zip). */
  maxUploadBytes: 10 * 1024 * 1024,
  /** Entries of a .zip, folders and skipped files included: the central directory is refused beyond this. */
  maxZipEntries: 400,
  /** Notes in one upload (and never more than the account has room for). */
  maxFiles: OWN_NOTE_LIMITS.maxNotes,
} as const;

export interface UploadedFile {
  /** The name as uploaded, or the path inside the .zip. */
  name: string;
  text: string;
}

/** What of a .zip's entries is a note: the rest is skipped silently (folders, macOS metadata, dotfiles). */
export function isSkippedEntry(name: string): boolean {
  const parts = name.split("/");
  // `..` is no dotfile: a name that climbs out of the archive is refused (badEntryName), never skipped.
  return name.endsWith("/") || parts[0] === "__MACOSX" || parts.some((p) => p.startsWith(".") && p !== "..");
}

/**
 * Why an entry's name is refused, or null: anything that could mean a path outside the upload
 * (absolute, `..`, a backslash, a drive letter) and anything not a `<slug>.md`.
 */
export function badEntryName(name: string): string | null {
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name) || name.includes("\\") || name.split("/").includes("..") || name.includes("\u0000")) {
    return "a path outside the archive is not a note's name";
  }
  const base = baseName(name);
  if (!base.endsWith(".md")) return "only markdown files (<slug>.md) can be imported";
  if (!SLUG_PATTERN.test(base.slice(0, -3))) return "the file name must be the note's slug: lowercase letters, digits and dashes, then .md";
  return null;
}

const baseName = (name: string) => name.split("/").pop() ?? name;
export const slugOfEntry = (name: string) => baseName(name).slice(0, -3);

export interface PlannedNote {
  /** The slug the file's name declares (a new own slug replaces it on import). */
  slug: string;
  name: string;
  text: string;
}

export type ImportPlan = { ok: true; notes: PlannedNote[] } | { ok: false; errors: ContentError[] };

/**
 * Checks every file and returns them in the order to create them (each after the upload's notes
 * it names as prerequisites), or every error with the file (as uploaded) and line. `context` is
 * what the importer can already see; the upload's other files count as known notes.
 */
export function planImport(files: readonly UploadedFile[], context: OwnNoteContext, room: number): ImportPlan {
  const errors: ContentError[] = [];
  if (files.length === 0) return { ok: false, errors: [{ file: "", line: 1, message: "the upload holds no markdown file (<slug>.md)" }] };
  if (files.length > Math.min(room, IMPORT_LIMITS.maxFiles)) {
    const message =
      room < files.length && room < IMPORT_LIMITS.maxFiles
        ? `the upload holds ${files.length} notes but your account has room for ${room} more (at most ${OWN_NOTE_LIMITS.maxNotes} notes): delete some or import fewer`
        : `the upload holds ${files.length} notes; import at most ${IMPORT_LIMITS.maxFiles} at a time`;
    return { ok: false, errors: [{ file: "", line: 1, message }] };
  }
  const bySlug = new Map<string, UploadedFile>();
  for (const file of files) {
    const bad = badEntryName(file.name);
    if (bad) errors.push({ file: file.name, line: 1, message: bad });
    else if (bySlug.has(slugOfEntry(file.name))) errors.push({ file: file.name, line: 1, message: `slug \`${slugOfEntry(file.name)}\` is already used by ${bySlug.get(slugOfEntry(file.name))?.name}` });
    else bySlug.set(slugOfEntry(file.name), file);
  }
  // A file named like a note the importer already sees is imported under a new slug; a
  // prerequisite naming that slug means the note they already have.
  const uploadSlugs = [...bySlug.keys()].filter((s) => !context.knownSlugs.has(s));
  const prerequisites = new Map<string, readonly string[]>();
  for (const [slug, file] of bySlug) {
    const parsed = parseNote(`${slug}.md`, file.text);
    if (parsed.ok) prerequisites.set(slug, parsed.note.meta.prerequisites);
  }
  const knownSlugs = new Set([...context.knownSlugs, ...uploadSlugs]);
  for (const [slug, file] of bySlug) {
    const others = new Map([...context.ownPrerequisites, ...[...prerequisites].filter(([s]) => s !== slug && uploadSlugs.includes(s))]);
    const check = checkOwnNote(slug, file.text, { knownSlugs, ownPrerequisites: others });
    for (const error of check.errors) errors.push({ ...error, file: file.name });
  }
  if (errors.length) return { ok: false, errors };

  // Depth-first: each note after the upload's notes it needs (checkOwnNote found no cycle).
  const ordered: PlannedNote[] = [];
  const placed = new Set<string>();
  const place = (slug: string) => {
    if (placed.has(slug)) return;
    placed.add(slug);
    for (const p of prerequisites.get(slug) ?? []) if (uploadSlugs.includes(p)) place(p);
    const file = bySlug.get(slug);
    if (file) ordered.push({ slug, name: file.name, text: file.text });
  };
  [...bySlug.keys()].sort().forEach(place);
  return { ok: true, notes: ordered };
}

/**
 * `text` with the slugs of its front matter's `prerequisites` renamed by `rename` (the upload's
 * slugs become the new own slugs). Only the prerequisites entry's lines change, token by token,
 * so a tag or a title that happens to spell a slug is left alone and no line moves.
 */
export function renamePrerequisites(text: string, rename: ReadonlyMap<string, string>): string {
  if (rename.size === 0) return text;
  const lines = text.split("\n");
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  const start = lines.findIndex((line, i) => i > 0 && i < close && /^prerequisites\s*:/.test(line));
  if (start < 0) return text;
  const token = /(?<![A-Za-z0-9-])[a-z0-9]+(?:-[a-z0-9]+)*(?![A-Za-z0-9-])/g;
  for (let i = start; i < close && (i === start || /^\s/.test(lines[i] ?? "")); i++) {
    const line = lines[i] ?? "";
    const head = i === start ? line.indexOf(":") + 1 : 0;
    lines[i] = line.slice(0, head) + line.slice(head).replace(token, (slug) => rename.get(slug) ?? slug);
  }
  return lines.join("\n");
}

/**
 * `notes` ordered so that each comes after the notes among them it names as prerequisites (a
 * note that does not parse, or a cycle in drafts, keeps its place): created in this order, a
 * note's prerequisites exist when it is checked.
 */
export function orderByPrerequisites<T extends { slug: string; text: string }>(notes: readonly T[]): T[] {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const out: T[] = [];
  const placed = new Set<string>();
  const place = (slug: string) => {
    const note = bySlug.get(slug);
    if (!note || placed.has(slug)) return;
    placed.add(slug);
    const parsed = parseNote(`${slug}.md`, note.text);
    if (parsed.ok) for (const p of parsed.note.meta.prerequisites) place(p);
    out.push(note);
  };
  notes.forEach((n) => place(n.slug));
  return out;
}
