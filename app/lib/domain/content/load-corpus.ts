/**
 * Loading a corpus: parse every file, derive items, run the cross-file checks. Kept apart
 * from index.ts so that `content:check` does not load the renderer (rehype, highlight.js),
 * which it never uses: that halves the command's start-up time.
 */
import { deriveItems } from "./derive-items";
import { parseNote, slugFromPath } from "./parse-note";
import { decodeSource } from "./source-text";
import { attachSources, unsourcedKeyNumbers } from "./sources";
import { localizeNote, parseTranslation, type ParsedTranslation } from "./translation";
import type { ContentError, Corpus, LocalizedNote, ParsedNote, SourceFile } from "./types";
import { compareErrors, validateCorpus } from "./validate-corpus";

/**
 * Parses every file, derives items and runs the cross-file checks. The result does not
 * depend on the order of `files`. A sync must write nothing unless `errors` is empty.
 *
 * `translations`, when given (the files of `content/zh/`, even none), makes the corpus
 * bilingual: every note needs its Chinese edition, which must match it (docs/translation.md);
 * without it the corpus is English only (a test's or a generated corpus).
 */
export function loadCorpus(files: readonly SourceFile[], translations?: readonly SourceFile[]): Corpus {
  const errors: ContentError[] = [];
  const notes: ParsedNote[] = [];
  for (const file of files) {
    const decoded = decodeSource(file);
    if (!decoded.ok) {
      errors.push(...decoded.errors);
      continue;
    }
    const result = parseNote(file.path, decoded.text);
    if (result.ok) notes.push(result.note);
    else errors.push(...result.errors);
  }
  notes.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.file < b.file ? -1 : 1));
  // Two files with one slug are an error reported by validateCorpus; keeping only the first
  // stops their items from also clashing as duplicate ids.
  const unique = notes.filter((note, i) => notes[i - 1]?.slug !== note.slug);
  const derived = deriveItems(unique);
  errors.push(...validateCorpus({ paths: files.map((f) => f.path), notes: unique, derived }));
  errors.push(...unique.flatMap(unsourcedKeyNumbers));
  // Sources are presentation (a link beside the answer), attached once items and hashes are final.
  const sourced = attachSources(unique, derived);
  const localized = translations === undefined ? [] : loadTranslations(translations, files, sourced.notes, sourced.derived, errors);
  return { notes: sourced.notes, derived: sourced.derived, translations: localized, errors: errors.sort(compareErrors) };
}

/** Parses the Chinese editions and compares each with its English note; errors go to `errors`. */
function loadTranslations(
  translations: readonly SourceFile[],
  files: readonly SourceFile[],
  notes: readonly ParsedNote[],
  derived: Corpus["derived"],
  errors: ContentError[],
): LocalizedNote[] {
  const parsed = new Map<string, ParsedTranslation>();
  const englishSlugs = new Set(files.map((f) => slugFromPath(f.path)));
  for (const file of translations) {
    const slug = slugFromPath(file.path);
    if (!englishSlugs.has(slug)) {
      errors.push({ file: file.path, line: 1, message: `there is no English note ${slug}.md for this Chinese edition: the file name is the English note's` });
      continue;
    }
    const decoded = decodeSource(file);
    if (!decoded.ok) {
      errors.push(...decoded.errors);
      continue;
    }
    const result = parseTranslation(file.path, decoded.text);
    if (result.ok) parsed.set(slug, result.translation);
    else errors.push(...result.errors);
  }
  const translated = new Set(translations.map((f) => slugFromPath(f.path)));
  const localized: LocalizedNote[] = [];
  for (const note of notes) {
    if (!translated.has(note.slug)) {
      errors.push({ file: note.file, line: 1, message: `no Chinese edition: write content/zh/${note.slug}.md (docs/translation.md)` });
      continue;
    }
    const translation = parsed.get(note.slug);
    if (!translation) continue; // its errors are reported
    const result = localizeNote(note, derived, translation);
    errors.push(...result.errors);
    if (result.note) localized.push(result.note);
  }
  return localized;
}

/** Every card and question of one note, authored and derived, e.g. for a per-note sync. */
export function itemsOfNote(corpus: Corpus, slug: string) {
  const note = corpus.notes.find((n) => n.slug === slug);
  return {
    cards: [...(note?.cards ?? []), ...corpus.derived.cards.filter((c) => c.noteSlug === slug)],
    questions: [...(note?.questions ?? []), ...corpus.derived.questions.filter((q) => q.noteSlug === slug)],
  };
}

/** `content/x.md:12: message`, the format `npm run content:check` prints. */
export function formatError(error: ContentError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
