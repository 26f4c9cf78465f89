/**
 * Cloze text: `{{deletions}}` inside markdown. Kept dependency-free so that the zod schema
 * (which checks a cloze card) and the item builder (which shows it) read it the same way.
 */

export const CLOZE_BLANK = "[...]";

export interface ClozeDeletion {
  /** The hidden text, without the braces. */
  text: string;
  /** Offset of the opening `{{` in the source text. */
  start: number;
  /** Offset just after the closing `}}`. */
  end: number;
}

export interface ClozeParse {
  deletions: ClozeDeletion[];
  /** Problems an author must fix; empty when the text is a usable cloze. */
  problems: string[];
}

const DELETION = /\{\{([\s\S]*?)\}\}/g;

/** Finds the `{{...}}` deletions and reports the mistakes that would make a broken card. */
export function parseCloze(text: string): ClozeParse {
  const deletions: ClozeDeletion[] = [];
  const problems: string[] = [];
  for (const match of text.matchAll(DELETION)) {
    const inner = match[1] ?? "";
    const start = match.index;
    deletions.push({ text: inner, start, end: start + match[0].length });
    if (inner.trim() === "") problems.push("a cloze deletion {{...}} is empty");
    // A blank inside $...$ would leave half a formula for KaTeX to choke on.
    if (insideInlineMath(text, start)) {
      problems.push(
        `the cloze deletion {{${inner}}} sits inside $...$ math; put the whole formula inside the deletion instead`,
      );
    }
  }
  if (deletions.length === 0) problems.push("a cloze card needs at least one {{deletion}} in `text`");
  const rest = text.replace(DELETION, "");
  if (rest.includes("{{") || rest.includes("}}")) {
    problems.push("unbalanced {{ or }} in cloze text");
  }
  return { deletions, problems };
}

/** The card's front: every deletion replaced by a blank, all hidden together. */
export function clozeFront(text: string): string {
  return text.replace(DELETION, CLOZE_BLANK);
}

/** The card's back: the full text with the deletions marked as key terms, so they stand out. */
export function clozeBack(text: string): string {
  return text.replace(DELETION, (_all, inner: string) => `==${inner}==`);
}

function insideInlineMath(text: string, offset: number): boolean {
  let dollars = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === "$") dollars++;
  }
  return dollars % 2 === 1;
}
