/**
 * Search finds a term however its words are spaced, by the quiz's own rule for short answers
 * (`compactAnswer`: "layer norm", "LayerNorm" and "layer-norm" are one answer). A query is
 * also asked without its spaces (`searchQuery`); a note that writes "layer norm" where the rest
 * of the corpus writes "LayerNorm" is given the joined word (`joinedSpellings`), so that both
 * queries find the same notes. The joined words come from the corpus itself, not from a list.
 */
import { compactAnswer } from "@/app/lib/domain/quiz/normalize";

/** Latin words and numbers, as PostgreSQL's parser would cut them (near enough: hyphens split). */
const WORD = /[\p{L}\p{N}]+/gu;
const MIN_JOINED = 6;
/**
 * Words that only join by accident ("with in" → "within", "over all" → "overall", "a cross" →
 * "across"): PostgreSQL's English search ignores them anyway, and a pair with one is skipped.
 */
const GLUE = new Set(["a", "an", "the", "in", "on", "of", "to", "at", "by", "for", "with", "all", "over", "and", "or", "as", "is", "it"]);

/** The words of `text`, lowercased and compacted as the quiz compares them. */
function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map(compactAnswer).filter(Boolean);
}

/**
 * For each document, the words of the whole corpus that it spells as two: "layer norm" in a
 * note, "LayerNorm" elsewhere → "layernorm" for that note (once, in the order found). Pairs are
 * adjacent words with only spaces or a hyphen between them; the joined word must have at least 6 letters, so that "in to"
 * does not become "into".
 */
export function joinedSpellings(documents: readonly string[]): string[][] {
  const vocabulary = new Set<string>();
  for (const document of documents) for (const word of wordsOf(document)) vocabulary.add(word);
  return documents.map((document) => {
    const found = new Set<string>();
    const own = new Set(wordsOf(document));
    // Only words next to each other: a space or a hyphen between them, no other punctuation.
    for (const run of document.split(/[^\p{L}\p{N}\s-]+/u)) {
      const words = wordsOf(run);
      for (let i = 0; i + 1 < words.length; i++) {
        const [first = "", second = ""] = [words[i], words[i + 1]];
        if (GLUE.has(first) || GLUE.has(second)) continue;
        const joined = `${first}${second}`;
        if (joined.length >= MIN_JOINED && vocabulary.has(joined) && !own.has(joined)) found.add(joined);
      }
    }
    return [...found];
  });
}

/** The query without its spaces when it has more than one word (else ""): "info nce" → "infonce". */
export function compactQuery(query: string): string {
  const words = query.match(WORD) ?? [];
  return words.length > 1 ? compactAnswer(words.join(" ")) : "";
}
