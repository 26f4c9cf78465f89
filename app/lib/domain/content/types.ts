/**
 * The shapes the content pipeline produces. Items carry everything a sync needs to upsert
 * them: a corpus-wide `key`, the `hash` of what a learner sees, and where they came from.
 */
import type { ContentErrorCode } from "./content-error-codes";
import type {
  CardType,
  FrontMatter,
  QuizAnswer,
  QuizPayload,
  QuizType,
} from "@/app/lib/schemas/content";
import type { WidgetName } from "./widget-names";

export type { CardType, FrontMatter, QuizAnswer, QuizPayload, QuizType, WidgetName };

/**
 * One source file handed to the pipeline; `path` is what error messages show. A file read from
 * disk also carries its raw `bytes`: loadCorpus then decodes those as strict UTF-8 (an invalid
 * byte is an error at its line, never silently a U+FFFD) and `text` is only for display.
 */
export interface SourceFile {
  path: string;
  text: string;
  bytes?: Uint8Array;
}

/** A problem an author must fix, at a 1-based line of `file`. */
export interface ContentError {
  file: string;
  line: number;
  /** English, for logs and `content:check`; the editor shows `code` in the reader's language. */
  message: string;
  code?: ContentErrorCode;
  args?: Record<string, string>;
}

export interface Heading {
  depth: number;
  /** Plain text, as the slugger sees it (math and code keep their source). */
  text: string;
  /** GitHub-style slug; the same id rehype-slug gives the rendered heading. */
  slug: string;
  line: number;
}

export interface KeyTerm {
  /** The marked text (markdown source between the `==`). */
  term: string;
  /** Slug of the term: the derived cloze card is `d-cloze-<slug>`. */
  slug: string;
  /**
   * The sentence around the term, whitespace collapsed, with the term still marked `==...==`
   * and its `[src: …]` markers left out (they are in `sources`).
   */
  sentence: string;
  line: number;
  anchor: string | null;
  /** The texts of the sentence's `[src: …]` markers ("§3.3, Table 1"). */
  sources: string[];
}

/**
 * Where an item's answer comes from in the paper: the text of the `[src: …]` marker(s) of the
 * passage stating it, and the heading that passage is under (the link to it). Presentation only:
 * never part of the item's hash.
 */
export interface ItemSource {
  /** "§3.3, Table 1"; several markers joined by "; ". */
  text: string;
  anchor: string | null;
}

/** A sentence or table row of a note that carries `[src: …]` markers. */
export interface SourcedPassage {
  line: number;
  anchor: string | null;
  /** The texts of its markers. */
  sources: string[];
  /** Its text without the markers (a row's cells joined by " | "). */
  text: string;
  /** The numbers it states, canonical ("65,536" → "65536", "60.6%" → "60.6"). */
  numbers: string[];
}

/** A line of a `## Key numbers` section that must name its source: a table row, a paragraph or list item with a digit. */
export interface KeyNumberLine {
  line: number;
  sourced: boolean;
}

export interface CardItem {
  /** `<note slug>/<id>`: unique across the corpus. */
  key: string;
  /** Unique within the note; a reverse card's second side is `<id>-rev`. */
  id: string;
  noteSlug: string;
  type: CardType;
  /** Markdown ready to show. For cloze: the text with each deletion replaced by `[...]`. */
  front: string;
  /** Markdown ready to show. For cloze: the full text with the deletions marked `==...==`. */
  back: string;
  /** Cloze only: the source text with `{{deletions}}`, and the deletions themselves. */
  cloze: { text: string; deletions: string[] } | null;
  /** For the `-rev` side of a reverse card: the key of the front → back side. */
  reverseOf: string | null;
  tags: string[];
  /** Slug of the closest heading above the item (the "why?" link), null above the first. */
  anchor: string | null;
  /** Line of the ```card block (derived: of the key term or front matter key). */
  line: number;
  /** Line of the `id:` key, where duplicate ids are reported. */
  idLine: number;
  derived: boolean;
  /** Hash of what is shown (type, sides, tags, anchor); not of the line. */
  hash: string;
  /** Where the answer comes from, when it is a number or a marked sentence (set by loadCorpus). */
  source?: ItemSource | null;
}

export interface QuizItem {
  key: string;
  id: string;
  noteSlug: string;
  type: QuizType;
  prompt: string;
  /** What the learner is shown; never the answer. */
  payload: QuizPayload;
  /** The answer key, kept apart from the payload. */
  answer: QuizAnswer;
  explanation: string;
  anchor: string | null;
  /** Keys of the cards testing the same idea (from `cards:`). */
  cardKeys: string[];
  /** The `cards:` ids as written, with their lines, for reference checks. */
  cardRefs: { id: string; line: number }[];
  line: number;
  idLine: number;
  derived: boolean;
  /** Hash of prompt, payload, answer, explanation, cards and anchor; not of the line. */
  hash: string;
  /** Numeric questions: where the answer comes from in the note (set by loadCorpus). */
  source?: ItemSource | null;
}

export interface WidgetItem {
  name: WidgetName;
  caption: string | null;
  line: number;
  anchor: string | null;
}

/** A fenced block in body order; `render-note` puts the interactive piece where it was. */
export type BlockRef =
  | { kind: "card"; line: number; key: string }
  | { kind: "quiz"; line: number; key: string }
  | { kind: "widget"; line: number; name: WidgetName; caption: string | null };

export interface ParsedNote {
  file: string;
  /** The file name without `.md`. */
  slug: string;
  meta: FrontMatter;
  /** The markdown after the front matter. */
  body: string;
  /** File line of the body's first line. */
  bodyStartLine: number;
  headings: Heading[];
  keyTerms: KeyTerm[];
  /** Sentences and table rows with `[src: …]` markers, in body order. */
  passages: SourcedPassage[];
  /** The lines of the `## Key numbers` section that need a source. */
  keyNumberLines: KeyNumberLine[];
  /** Authored cards in body order, a reverse card as two items. */
  cards: CardItem[];
  /** Authored questions in body order. */
  questions: QuizItem[];
  widgets: WidgetItem[];
  blocks: BlockRef[];
  /** Lines of front matter keys (`prerequisites`, ...) and of each prerequisite. */
  lines: { frontMatter: Record<string, number>; prerequisites: number[] };
  /** Hash of the whole file. */
  hash: string;
}

export interface DerivedItems {
  cards: CardItem[];
  questions: QuizItem[];
}

export type ParseResult = { ok: true; note: ParsedNote } | { ok: false; errors: ContentError[] };

export interface Corpus {
  /** The notes that parsed, sorted by slug. */
  notes: ParsedNote[];
  /** Derived items of all parsed notes, sorted by key. */
  derived: DerivedItems;
  /** The Chinese editions that parsed and match their English notes, sorted by slug. */
  translations: LocalizedNote[];
  /** Every error in every file, sorted by file and line. Empty means the corpus may be synced. */
  errors: ContentError[];
}

// ---------------------------------------------------------------- editions (docs/translation.md)

/** The languages of the corpus: the English note is the master, the Chinese edition holds its words. */
export type Locale = "en" | "zh";

/** A card in another language: same key, type and review history as the English card. */
export interface LocalizedCard {
  front: string;
  back: string;
  cloze: { text: string; deletions: string[] } | null;
  /** The slug of this edition's heading at the position of the English card's heading. */
  anchor: string | null;
  /** The English source with its anchor in this edition (the locator text is not translated). */
  source: ItemSource | null;
}

/** A question in another language: the answer key (indices, numbers, order) stays the English one. */
export interface LocalizedQuestion {
  prompt: string;
  /** Choices and items in this language, in the English payload's order (an ordering shuffled alike). */
  payload: QuizPayload;
  explanation: string;
  anchor: string | null;
  source: ItemSource | null;
  /** Short answers: this language's answer and alternatives (accepted in both languages). */
  answer: { value: string; alternatives: string[] } | null;
}

/**
 * One note's edition in another language, checked against its English note: the words of the
 * front matter, the body (rendered by the same `renderNote`), and per item key the localized
 * fields of every card and question, authored and derived.
 */
export interface LocalizedNote {
  locale: Exclude<Locale, "en">;
  /** `content/zh/<slug>.md`. */
  file: string;
  slug: string;
  title: string;
  summary: string;
  /** Same count and order as the English `introduces`. */
  introduces: string[];
  body: string;
  bodyStartLine: number;
  /** This edition's headings; their slugs are its anchors (CJK kept, as rehype-slug does). */
  headings: Heading[];
  /** Blocks at this edition's lines (keys as in English, widget captions translated). */
  blocks: BlockRef[];
  keyTerms: KeyTerm[];
  /** English heading slug → this edition's heading slug at the same position. */
  anchors: Record<string, string>;
  /** By item id (`queue-size`, `queue-size-rev`, `d-cloze-queue`). */
  cards: Record<string, LocalizedCard>;
  questions: Record<string, LocalizedQuestion>;
  widgets: WidgetItem[];
  /** Hash of the file. */
  hash: string;
  /** Chinese characters (Han script) in the file: the edition's size. */
  hanCharacters: number;
}
