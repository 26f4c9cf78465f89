/**
 * Checks that need more than one file, or a note together with its derived items: file names
 * are slugs and unique, prerequisites exist and form no cycle, ids are unique within a note
 * (authored, `-rev` and derived alike), `cards:` in a question names cards of its note, and no
 * tag is another tag spelled differently (`transformers` beside `transformer`).
 */
import { SLUG_PATTERN } from "@/app/lib/schemas/content";
import { slugFromPath } from "./parse-note";
import { tagVariants } from "./tag-variants";
import type { CardItem, ContentError, DerivedItems, ParsedNote, QuizItem } from "./types";
import { closest } from "./yaml-source";

export interface CorpusToValidate {
  /** Every file path handed in, including those that failed to parse. */
  paths: readonly string[];
  /** The notes that parsed. */
  notes: readonly ParsedNote[];
  derived: DerivedItems;
}

/** All cross-file errors, sorted by file, line and message. */
export function validateCorpus({ paths, notes, derived }: CorpusToValidate): ContentError[] {
  const errors: ContentError[] = [];
  const report = (file: string, line: number, message: string) => errors.push({ file, line, message });

  // ------------------------------------------------------------ file names
  const pathsBySlug = new Map<string, string[]>();
  for (const path of [...paths].sort(compare)) {
    const slug = slugFromPath(path);
    if (!path.toLowerCase().endsWith(".md")) report(path, 1, "a note is a markdown file named <slug>.md");
    else if (!path.endsWith(".md") || !SLUG_PATTERN.test(slug)) {
      report(path, 1, `the file name must be the note's slug: lowercase letters, digits and dashes, e.g. ${suggestSlug(slug)}.md`);
    }
    pathsBySlug.set(slug, [...(pathsBySlug.get(slug) ?? []), path]);
  }
  for (const [slug, group] of pathsBySlug) {
    const [first, ...rest] = group;
    for (const path of rest) report(path, 1, `slug \`${slug}\` is already used by ${first}`);
  }
  const knownSlugs = [...pathsBySlug.keys()];

  // ------------------------------------------------------------ prerequisites
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  for (const note of notes) {
    note.meta.prerequisites.forEach((prerequisite, i) => {
      const line = note.lines.prerequisites[i] ?? note.lines.frontMatter.prerequisites ?? 1;
      if (prerequisite === note.slug) report(note.file, line, "a note cannot be its own prerequisite");
      else if (!pathsBySlug.has(prerequisite)) {
        const guess = closest(prerequisite, knownSlugs);
        report(
          note.file,
          line,
          `unknown prerequisite \`${prerequisite}\`: there is no ${prerequisite}.md${guess ? ` (did you mean \`${guess}\`?)` : ""}`,
        );
      }
    });
  }
  for (const cycle of findCycles(notes)) {
    const [first, second] = cycle;
    const note = first === undefined ? undefined : bySlug.get(first);
    if (!note || second === undefined) continue;
    const at = note.meta.prerequisites.indexOf(second);
    const line = note.lines.prerequisites[at] ?? note.lines.frontMatter.prerequisites ?? 1;
    report(note.file, line, `prerequisites form a cycle: ${cycle.join(" → ")}`);
  }

  // ------------------------------------------------------------ ids and card references
  const derivedCards = groupByNote(derived.cards);
  const derivedQuestions = groupByNote(derived.questions);
  for (const note of notes) {
    const items: (CardItem | QuizItem)[] = [
      ...note.cards,
      ...note.questions,
      ...(derivedCards.get(note.slug) ?? []),
      ...(derivedQuestions.get(note.slug) ?? []),
    ];
    const firstById = new Map<string, CardItem | QuizItem>();
    for (const item of items) {
      const first = firstById.get(item.id);
      if (first === undefined) {
        firstById.set(item.id, item);
        continue;
      }
      report(note.file, item.idLine, duplicateMessage(item, first));
    }

    const cardIds = new Set([...note.cards, ...(derivedCards.get(note.slug) ?? [])].map((c) => c.id));
    for (const question of note.questions) {
      for (const ref of question.cardRefs) {
        if (cardIds.has(ref.id)) continue;
        const guess = closest(ref.id, [...cardIds]);
        report(
          note.file,
          ref.line,
          `cards: there is no card \`${ref.id}\` in this note${guess ? ` (did you mean \`${guess}\`?)` : ""}`,
        );
      }
    }
  }

  // ------------------------------------------------------------ tags spelled two ways
  const usage = new Map<string, number>();
  for (const note of notes) for (const tag of new Set(note.meta.tags)) usage.set(tag, (usage.get(tag) ?? 0) + 1);
  const variants = new Map(tagVariants(usage).map((v) => [v.tag, v.use]));
  for (const note of notes) {
    for (const tag of new Set(note.meta.tags)) {
      const use = variants.get(tag);
      if (use === undefined) continue;
      report(
        note.file,
        note.lines.frontMatter.tags ?? 1,
        `tag \`${tag}\` is \`${use}\` spelled another way (${usage.get(use) ?? 0} note(s) use \`${use}\`): use \`${use}\`, so the library lists one tag`,
      );
    }
  }

  return errors.sort(compareErrors);
}

function duplicateMessage(item: CardItem | QuizItem, first: CardItem | QuizItem): string {
  if (item.id.startsWith("d-cloze-")) {
    return `key term gives card id \`${item.id}\`, already given by the key term on line ${first.idLine}: mark a term once, where it is defined`;
  }
  if ("reverseOf" in first && first.reverseOf !== null) {
    return `id \`${item.id}\` is taken by the second side of the reverse card on line ${first.idLine}`;
  }
  if ("reverseOf" in item && item.reverseOf !== null) {
    return `reverse card makes a second side \`${item.id}\`, but that id is already used on line ${first.idLine}`;
  }
  return `duplicate id \`${item.id}\`: already used on line ${first.idLine} (ids are unique within a note, across cards and questions)`;
}

/**
 * One cycle per strongly connected component of the prerequisite graph (Tarjan), each
 * written from its alphabetically first note and closed, e.g. [a, b, c, a].
 */
export function findCycles(notes: readonly ParsedNote[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const note of notes) graph.set(note.slug, []);
  for (const note of notes) {
    graph.set(
      note.slug,
      note.meta.prerequisites.filter((p) => p !== note.slug && graph.has(p)).sort(compare),
    );
  }

  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  const connect = (v: string) => {
    indexOf.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, indexOf.get(w) ?? 0));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const slug of [...graph.keys()].sort(compare)) if (!indexOf.has(slug)) connect(slug);

  return components
    .map((component) => shortestCycle(component.sort(compare), graph))
    .sort((a, b) => compare(a[0] ?? "", b[0] ?? ""));
}

/** Breadth-first from the component's first slug back to itself, staying inside it. */
function shortestCycle(component: string[], graph: Map<string, string[]>): string[] {
  const start = component[0] ?? "";
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() ?? start;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? start) ?? start);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function groupByNote<T extends { noteSlug: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.noteSlug);
    if (group) group.push(item);
    else groups.set(item.noteSlug, [item]);
  }
  return groups;
}

function suggestSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "my-note";
}

export function compareErrors(a: ContentError, b: ContentError): number {
  return compare(a.file, b.file) || a.line - b.line || compare(a.message, b.message);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
