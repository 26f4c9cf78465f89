/**
 * "One fact per card": a rough count of the facts a card's answer lists, so `content:check`
 * can warn (not fail) about a card that packs several into one answer (docs/content-format.md).
 *
 * The count, kept simple on purpose:
 * - basic and reverse cards: the `back` is cut into pieces at `;`, at a comma followed by a
 *   space (so "65,536" stays whole), at sentence ends and at markdown list items; commas inside
 *   `$math$` and `code` do not cut. A piece that is only a number ("2, 2, 6, 2") belongs to the
 *   piece before it. Every piece holding a digit (a number, with or without its unit) is a fact:
 *   "12 layers, hidden size 768, 12 heads, about 110M parameters" lists four.
 * - cloze cards: each `{{deletion}}` is a fact (they are all hidden together).
 * More than `MAX_CARD_FACTS` facts warns.
 */
import type { ParsedNote } from "./types";

export const MAX_CARD_FACTS = 3;

export interface ContentWarning {
  file: string;
  line: number;
  message: string;
}

const PROTECTED = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|`[^`\n]+`/g;
const CUT = /;|,(?=\s)|[.!?](?=\s+[^a-z\s])|\n\s*(?:[-*+]|\d+[.)])\s+/;
const ONLY_NUMBER = /^[\s~≈]*[\d.,]+\s*$/;

/** The number of facts a basic or reverse card's back lists (see the module comment). */
export function countFacts(back: string): number {
  // Blank out math and code (keeping a digit if they had one) so their commas do not cut.
  const text = back.replace(PROTECTED, (span) => (/\d/.test(span) ? "0" : "x"));
  const pieces: string[] = [];
  for (const piece of text.split(CUT)) {
    if (ONLY_NUMBER.test(piece) && pieces.length > 0) pieces[pieces.length - 1] += `,${piece}`;
    else pieces.push(piece);
  }
  return pieces.filter((piece) => /\d/.test(piece)).length;
}

/** Warnings for every authored card of `notes` whose answer lists more than three facts. */
export function cardFactWarnings(notes: readonly ParsedNote[]): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  for (const note of notes) {
    for (const card of note.cards) {
      if (card.reverseOf !== null) continue; // the -rev side is the same block, counted once
      const facts = card.cloze ? card.cloze.deletions.length : countFacts(card.back);
      if (facts > MAX_CARD_FACTS)
        warnings.push({
          file: note.file,
          line: card.line,
          message: `card ${card.id}: its answer lists ${facts} facts (${card.cloze ? "deletions" : "numbers"}); more than ${MAX_CARD_FACTS} makes it hard to grade: split it (the part closest to the old question keeps the id)`,
        });
    }
  }
  return warnings;
}
