/**
 * What counts as English left on a Chinese page, for tests/e2e/i18n-english.test.ts. Pure, so
 * a unit test shows the check can fail (tests/unit/i18n/english-phrases.test.ts).
 *
 * Two nets: (1) the English catalogue's messages whose Chinese differs, cut at their arguments
 * and tags into fragments of at least two words, none of which may appear on a Chinese page;
 * (2) any run of three or more English words with a common English function word among them,
 * which catches a string nobody put in the catalogue yet.
 */
type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The literal pieces of an ICU message: text between arguments, plural/select bodies and tags. */
function literalPieces(message: string): string[] {
  // Inner plural/select branches first ({n, plural, one {# card} other {# cards}} → "# card", "# cards").
  const pieces: string[] = [];
  let current = "";
  for (const ch of message) {
    if (ch === "{" || ch === "}") {
      pieces.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  pieces.push(current);
  return pieces
    .filter((p) => !/^\s*\w+\s*,\s*(?:plural|select|selectordinal|number|date|time)\b/.test(p)) // "count, plural, one "
    .flatMap((p) => p.split(/<\/?\w+>|#/))
    .map((p) => p.trim());
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

/** Catalogue fragments (≥ 2 words, ≥ 8 letters) that only the English interface says. */
export function englishOnlyFragments(en: Catalogue, zh: Catalogue): string[] {
  const chinese = flatten(zh);
  const fragments = new Set<string>();
  for (const [key, message] of flatten(en)) {
    if (chinese.get(key) === message) continue; // the same in both (a product name, a key name)
    for (const piece of literalPieces(message)) {
      const words = piece.match(WORD) ?? [];
      if (words.length >= 2 && words.join("").length >= 8) fragments.add(piece.replace(/\s+/g, " "));
    }
  }
  return [...fragments];
}

const FUNCTION_WORDS = new Set(
  "the a an to of your you is are and this that for with not no in on at be it was were will can by from or as has have was its there".split(" "),
);

/** Runs of ≥ 3 English words holding a function word ("Save your goal"), in one text. */
export function englishRuns(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'’]*(?:[ ,;:]+[A-Za-z][A-Za-z'’]*){2,}/g)) {
    const words = match[0].toLowerCase().split(/[ ,;:]+/);
    if (words.some((w) => FUNCTION_WORDS.has(w))) runs.push(match[0]);
  }
  return runs;
}

/** Every English catalogue fragment and English run found in a page's texts. */
export function englishOn(texts: string[], fragments: string[]): string[] {
  const found = new Set<string>();
  const joined = texts.join("\n");
  for (const fragment of fragments) if (joined.includes(fragment)) found.add(`catalogue: “${fragment}”`);
  for (const text of texts) for (const run of englishRuns(text)) found.add(`words: “${run}”`);
  return [...found];
}
