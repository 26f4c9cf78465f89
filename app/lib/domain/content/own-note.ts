/**
 * A user's own note (issue 17): one markdown file in the corpus's format, checked by the corpus's
 * parser, plus the cross-file checks that make sense for one note among the notes its author can
 * see (prerequisites known, no cycle). Pure: the caller passes what the database knows.
 */
import { contentMessage } from "./content-error-codes";
import { deriveClozeCards } from "./derive-items";
import { parseNote } from "./parse-note";
import type { CardItem, ContentError, ParsedNote, QuizItem } from "./types";
import { closest } from "./yaml-source";

/** Own notes come after the whole corpus in the new-card order: none is a corpus note's prerequisite. */
export const OWN_SORT_BASE = 1_000_000;

/** The limits on own notes; their messages say what to do. */
export const OWN_NOTE_LIMITS = {
  /** Bytes of one note's markdown (UTF-8). */
  maxBytes: 200 * 1024,
  /** Notes a user keeps (not counting deleted ones). */
  maxNotes: 200,
  /** Saves (autosaves included) per user per minute. */
  savesPerMinute: 30,
  /** Days a deleted note can be restored. */
  restoreDays: 30,
} as const;

/** The file name an own note is parsed under: errors then name `my-….md`, as the corpus's do. */
export function ownNoteFile(slug: string): string {
  return `${slug}.md`;
}

export interface OwnNoteCheck {
  /** The parsed note when it has no error; its rows are written only then. */
  note: ParsedNote | null;
  cards: CardItem[];
  questions: QuizItem[];
  /** Every error, sorted by line: all at once, never just the first. */
  errors: ContentError[];
}

export interface OwnNoteContext {
  /** Slugs of every note the author can see (the corpus and their other own notes). */
  knownSlugs: ReadonlySet<string>;
  /** Prerequisites of the author's other own notes, by slug, to find a cycle through this note. */
  ownPrerequisites: ReadonlyMap<string, readonly string[]>;
}

/** Parses and checks one own note; `errors` empty means it may be studied. */
export function checkOwnNote(slug: string, text: string, context: OwnNoteContext): OwnNoteCheck {
  const file = ownNoteFile(slug);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > OWN_NOTE_LIMITS.maxBytes) {
    const kb = Math.ceil(bytes / 1024);
    return { note: null, cards: [], questions: [], errors: [{ file, line: 1, ...contentMessage("noteTooLarge", { size: kb, limit: OWN_NOTE_LIMITS.maxBytes / 1024 }) }] };
  }
  const parsed = parseNote(file, text);
  if (!parsed.ok) return { note: null, cards: [], questions: [], errors: sortErrors(parsed.errors) };
  const note = parsed.note;
  const errors: ContentError[] = [];
  const known = [...context.knownSlugs];
  note.meta.prerequisites.forEach((prerequisite, i) => {
    const line = note.lines.prerequisites[i] ?? note.lines.frontMatter.prerequisites ?? 1;
    if (prerequisite === slug) errors.push({ file, line, ...contentMessage("ownPrerequisite") });
    else if (!context.knownSlugs.has(prerequisite)) {
      const guess = closest(prerequisite, known);
      const args = { slug: prerequisite };
      errors.push({ file, line, ...(guess ? contentMessage("unknownPrerequisiteGuess", { ...args, guess }) : contentMessage("unknownPrerequisite", args)) });
    } else if (reaches(prerequisite, slug, context.ownPrerequisites)) {
      errors.push({ file, line, ...contentMessage("prerequisiteCycle", { slug: prerequisite }) });
    }
  });
  if (errors.length) return { note: null, cards: [], questions: [], errors: sortErrors(errors) };
  return { note, cards: [...note.cards, ...deriveClozeCards(note)], questions: note.questions, errors: [] };
}

/** True when `from` needs `to` through the own notes' prerequisites (the corpus never needs an own note). */
function reaches(from: string, to: string, graph: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const slug = stack.pop() as string;
    if (slug === to) return true;
    if (seen.has(slug)) continue;
    seen.add(slug);
    stack.push(...(graph.get(slug) ?? []));
  }
  return false;
}

function sortErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : 1));
}

/**
 * The sort keys of a user's own notes: after the corpus (OWN_SORT_BASE), each after its own
 * prerequisites (depth in the prerequisite graph, 1000 apart), ties by slug. Corpus
 * prerequisites are already earlier. A cycle (only in a draft's source, never in rows) is cut.
 */
export function ownSortKeys(notes: readonly { slug: string; prerequisites: readonly string[] }[]): Map<string, number> {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (slug: string): number => {
    const known = depth.get(slug);
    if (known !== undefined) return known;
    if (visiting.has(slug)) return 0;
    visiting.add(slug);
    const own = (bySlug.get(slug)?.prerequisites ?? []).filter((p) => bySlug.has(p));
    const d = own.length ? 1 + Math.max(...own.map(depthOf)) : 0;
    visiting.delete(slug);
    depth.set(slug, d);
    return d;
  };
  const sorted = [...notes].sort((a, b) => depthOf(a.slug) - depthOf(b.slug) || (a.slug < b.slug ? -1 : 1));
  return new Map(sorted.map((n, i) => [n.slug, OWN_SORT_BASE + depthOf(n.slug) * 1000 + Math.min(i, 999)]));
}
