/**
 * What a note's `[src: …]` markers say (docs/content-format.md, "Sources"):
 *
 * - the markers an author must fix (unclosed, empty, in a heading), at their lines;
 * - the lines of its `## Key numbers` section that need a source, and whether they have one;
 * - its sourced passages (a marked sentence or table row, with the numbers it states), from
 *   which a card or question whose answer is a number gets its source: `itemSource`.
 *
 * Sources are presentation: they are never part of an item's hash.
 */
import type { Nodes, Parents, Root, TableRow } from "mdast";
import { contentMessage } from "./content-error-codes";
import { headingText, maskedSource, sentenceBounds } from "./markdown";
import { findSourceMarkers, maskSourceMarkers, stripSourceMarkers, type SourceMarker } from "./source-markers";
import type { CardItem, ContentError, DerivedItems, ItemSource, KeyNumberLine, ParsedNote, QuizItem, SourcedPassage } from "./types";
import type { LineMessage } from "./yaml-source";
import { collapse, countNewlines } from "./text";

/** A `##` heading starting with "Key numbers" (in a Chinese edition: holding 关键数字) opens the section whose lines must be sourced. */
const KEY_NUMBERS_HEADING = /^key numbers\b|关键数字/i;

export interface NoteSources {
  problems: LineMessage[];
  passages: SourcedPassage[];
  keyNumberLines: KeyNumberLine[];
}

/**
 * Reads the markers of a note body. `fileLine` turns a body line into a file line; `anchorAt`
 * gives the heading slug above a file line.
 */
export function readSources(
  tree: Root,
  body: string,
  fileLine: (node: Nodes) => number,
  anchorAt: (line: number) => string | null,
): NoteSources {
  const problems: LineMessage[] = [];
  const passages: SourcedPassage[] = [];
  const keyNumberLines: KeyNumberLine[] = [];
  let inKeyNumbers = false;

  /** The markers of a phrasing node, its problems reported at their own lines. */
  const markersOf = (node: Nodes): { source: string; masked: string; markers: SourceMarker[] } => {
    const { source, masked } = maskedSource(node, body);
    const found = findSourceMarkers(masked);
    for (const problem of found.problems) {
      const { offset, ...message } = problem;
      problems.push({ line: fileLine(node) + countNewlines(source.slice(0, offset)), ...message });
    }
    return { source, masked, markers: found.markers };
  };

  const row = (node: TableRow, header: boolean) => {
    const cells = node.children.map((cell) => ({ ...markersOf(cell), plain: headingText(cell) }));
    if (header) return;
    const markers = cells.flatMap((c) => c.markers);
    const line = fileLine(node);
    if (inKeyNumbers) keyNumberLines.push({ line, sourced: markers.length > 0 });
    if (markers.length === 0) return;
    const text = cells.map((c) => stripSourceMarkers(c.plain)).join(" | ");
    passages.push({ line, anchor: anchorAt(line), sources: markers.map((m) => m.text), text, numbers: numbersIn(text) });
  };

  const paragraph = (node: Nodes) => {
    const { source, masked, markers } = markersOf(node);
    if (markers.length === 0) return;
    const plainMasked = maskSourceMarkers(masked);
    for (const [start, end] of sentenceBounds(plainMasked)) {
      const inside = markers.filter((m) => m.start >= start && m.start < end);
      if (inside.length === 0) continue;
      const text = collapse(stripSourceMarkers(source.slice(start, end), masked.slice(start, end)));
      const line = fileLine(node) + countNewlines(source.slice(0, start).replace(/\s+$/, ""));
      passages.push({ line, anchor: anchorAt(line), sources: inside.map((m) => m.text), text, numbers: numbersIn(text) });
    }
  };

  /** A paragraph or list item of the Key numbers section: sourced if any of its paragraphs is. */
  const keyNumberUnit = (node: Nodes, paragraphs: Nodes[]) => {
    const plain = paragraphs.map((p) => stripSourceMarkers(headingText(p))).join(" ");
    if (!/\d/.test(plain)) return;
    const sourced = paragraphs.some((p) => findSourceMarkers(maskedSource(p, body).masked).markers.length > 0);
    keyNumberLines.push({ line: fileLine(node), sourced });
  };

  const visit = (node: Nodes, parent: Parents | null) => {
    switch (node.type) {
      case "heading": {
        if (node.depth <= 2) inKeyNumbers = node.depth === 2 && KEY_NUMBERS_HEADING.test(headingText(node).trim());
        const { masked } = maskedSource(node, body);
        if (masked.includes("[src:")) {
          problems.push({ line: fileLine(node), ...contentMessage("markerInHeading") });
        }
        return;
      }
      case "table":
        node.children.forEach((r, i) => row(r, i === 0));
        return;
      case "paragraph":
        paragraph(node);
        if (inKeyNumbers && parent?.type !== "listItem") keyNumberUnit(node, [node]);
        return;
      case "listItem":
        if (inKeyNumbers) keyNumberUnit(node, node.children.filter((c) => c.type === "paragraph"));
        break;
      case "code":
      case "math":
      case "html":
        return;
    }
    if ("children" in node) for (const child of node.children) visit(child, node);
  };
  visit(tree, null);
  return { problems, passages, keyNumberLines };
}

// ---------------------------------------------------------------- numbers

/**
 * A number as written in prose: `65,536`, `65536`, `60.6` (of `60.6%`), `0.999`. Not the digits
 * of a name (`ResNet-50`, `GPT3`, `ImageNet-1k`), nor the tail of a decimal or version (`v1.5`).
 */
const NUMBER = /(?<![\p{L}\d.])(?<!\p{L}-)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/gu;

/** `"65,536"` → `"65536"`, `"0.10"` → `"0.1"`: one spelling per value. */
export function canonicalNumber(integer: string, fraction = ""): string {
  return String(Number(integer.replaceAll(",", "") + fraction));
}

/** The distinct numbers a text states, canonical. */
export function numbersIn(text: string): string[] {
  return [...new Set([...text.matchAll(NUMBER)].map((m) => canonicalNumber(m[1] ?? "", m[2])))];
}

const LEAD_IN = /^(?:[\s*_~($≈]|about\b|approx(?:imately|\.)|roughly\b|around\b)*/i;

/** The number a text starts with (`"65,536 (K = 65536)"` → `"65536"`, `"**60.6%**"` → `"60.6"`), if any. */
export function leadingNumber(text: string): string | undefined {
  const rest = text.replace(LEAD_IN, "");
  const match = new RegExp(NUMBER.source, "uy").exec(rest);
  return match ? canonicalNumber(match[1] ?? "", match[2]) : undefined;
}

// ---------------------------------------------------------------- items

const STOP_WORDS = new Set(
  (
    "the and for with that this what which how many much does did was were are its into from than then per " +
    "when where who why use uses used using has have had not but all any each one two three paper model models " +
    "about roughly around value number size default set"
  ).split(" "),
);

function contentWords(text: string, ignore: Set<string>): Set<string> {
  const words = text.toLowerCase().normalize("NFKD").match(/[a-z][a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !ignore.has(w)));
}

/**
 * The source of an answer that is a number: the note's sourced passage stating one of
 * `numbers` that shares most words with `context` (the item's question and answer), at least
 * one besides the note's own name; ties go to the item's own section, then the earlier passage.
 */
export function numberSource(
  numbers: readonly string[],
  context: string,
  note: Pick<ParsedNote, "passages" | "meta">,
  anchor: string | null,
): ItemSource | null {
  if (numbers.length === 0) return null;
  const ignore = contentWords(`${note.meta.short} ${note.meta.title}`, new Set());
  const wanted = contentWords(context, new Set());
  for (const word of ignore) wanted.delete(word);
  let best: { passage: SourcedPassage; score: number } | undefined;
  for (const passage of note.passages) {
    if (!passage.numbers.some((n) => numbers.includes(n))) continue;
    let score = 0;
    for (const word of contentWords(passage.text, ignore)) if (wanted.has(word)) score++;
    if (score === 0) continue;
    const better =
      best === undefined ||
      score > best.score ||
      (score === best.score && passage.anchor === anchor && best.passage.anchor !== anchor);
    if (better) best = { passage, score };
  }
  return best ? { text: best.passage.sources.join("; "), anchor: best.passage.anchor } : null;
}

/** The numbers a card's answer is: the number its back starts with, or its numeric cloze deletions. */
function answerNumbers(card: CardItem): string[] {
  if (card.cloze) return card.cloze.deletions.map(leadingNumber).filter((n): n is string => n !== undefined);
  const lead = leadingNumber(card.back);
  return lead === undefined ? [] : [lead];
}

/**
 * The note's cards and questions with their `source`: a derived cloze card takes the markers
 * of its own sentence; a card whose answer is a number, and an authored numeric question, the
 * passage of the note that states the number (`numberSource`). Hashes stay as they were.
 */
export function withSources(
  note: ParsedNote,
  cards: readonly CardItem[],
  questions: readonly QuizItem[],
): { cards: CardItem[]; questions: QuizItem[] } {
  const termBySlug = new Map(note.keyTerms.map((t) => [`d-cloze-${t.slug}`, t]));
  const withCard = (card: CardItem): CardItem => {
    const term = card.derived ? termBySlug.get(card.id) : undefined;
    const source =
      term && term.sources.length > 0
        ? { text: term.sources.join("; "), anchor: term.anchor }
        : numberSource(answerNumbers(card), `${card.front} ${card.back}`, note, card.anchor);
    return source ? { ...card, source } : card;
  };
  const withQuestion = (question: QuizItem): QuizItem => {
    if (question.derived || question.answer.type !== "numeric") return question;
    const value = String(question.answer.value);
    const source = numberSource(numbersIn(value), `${question.prompt} ${question.explanation}`, note, question.anchor);
    return source ? { ...question, source } : question;
  };
  return { cards: cards.map(withCard), questions: questions.map(withQuestion) };
}

/** `withSources` over a corpus: every note's authored items and the derived ones. */
export function attachSources(notes: readonly ParsedNote[], derived: DerivedItems): { notes: ParsedNote[]; derived: DerivedItems } {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const sourcedNotes = notes.map((note) => ({ ...note, ...withSources(note, note.cards, note.questions) }));
  const derivedCard = (card: CardItem) => {
    const note = bySlug.get(card.noteSlug);
    return note ? (withSources(note, [card], []).cards[0] ?? card) : card;
  };
  return { notes: sourcedNotes, derived: { ...derived, cards: derived.cards.map(derivedCard) } };
}

export const KEY_NUMBERS_ERROR = "Key numbers line without a source ([src: …])";

/** An error at each line of a `## Key numbers` section that names no source. */
export function unsourcedKeyNumbers(note: ParsedNote): ContentError[] {
  return note.keyNumberLines.filter((l) => !l.sourced).map((l) => ({ file: note.file, line: l.line, message: KEY_NUMBERS_ERROR }));
}


