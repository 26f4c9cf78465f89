/**
 * "Type the answer" on a basic card (Anki's type-in field), judged by the quiz's short-answer
 * rules (`shortAnswersMatch`: case, accents, punctuation, spacing and a leading article do not
 * matter). Only a short, one-line back can be typed; a back written as prose cannot.
 */
import { shortAnswersMatch } from "./normalize";

/** Longest back (as plain text) that is offered for typing. */
export const MAX_TYPED_ANSWER_LENGTH = 60;

/**
 * The answer to type for a card's back in markdown, as plain text, or null when the back is not
 * a short one-line answer (prose, a list, a formula, code): markers (`==`, `**`, `*`, `` ` ``)
 * and a trailing source (`[src: …]`) dropped, links reduced to their text.
 */
export function typeableAnswer(back: string): string | null {
  const text = back
    .replace(/\[src:[^\]]*\]/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/==|\*\*|\*|`/g, "")
    .trim()
    .replace(/[.。]$/u, "")
    .trim();
  if (text === "" || text.length > MAX_TYPED_ANSWER_LENGTH) return null;
  if (/[\n$|#>]/.test(text) || /^\s*[-+]\s/.test(text)) return null;
  return text;
}

/**
 * Whether a typed answer matches the expected one: the whole of it, or either side of a
 * parenthesis ("Momentum Contrast (MoCo)" takes "MoCo" and "Momentum Contrast").
 */
export function typedAnswerMatches(given: string, expected: string): boolean {
  const forms = new Set([expected]);
  const paren = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/u.exec(expected);
  if (paren?.[1] && paren[2]) {
    forms.add(paren[1]);
    forms.add(paren[2]);
  }
  return [...forms].some((form) => shortAnswersMatch(given, form));
}
