/**
 * Normalises a short free-text answer so that case, accents, spacing, punctuation, the width of
 * a character and a leading article do not matter, in English and in Chinese:
 * NFKD (compatibility forms: full-width ＡＢＣ１２，？ → ABC12,?, "ﬁ" → "fi"), strip combining
 * marks (accents), NFKC (what is left recomposed), lowercase, punctuation → space (ASCII and
 * Chinese alike: ，。、；：？！“”（）《》…), collapse whitespace, trim, drop the spaces next to a
 * CJK character (Chinese is written without spaces: "动量 编码器" = "动量编码器", "BERT 模型" =
 * "BERT模型"), drop one leading "a", "an" or "the".
 * "  The Transformer-XL! " → "transformer xl"; "ＧＰＴ－３。" → "gpt 3"; "动量编码器（MoCo）" → "动量编码器moco".
 */
export function normalizeShortAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{P}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(CJK_SPACE, "")
    .replace(/^(?:a|an|the) (?=\S)/u, "");
}

/** A space with a CJK character (Han, kana, Hangul, CJK symbols) on either side. */
const CJK_SPACE = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f]) | (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f])/gu;

/**
 * `normalizeShortAnswer` without its spaces: "layer norm", "LayerNorm" and "layer-norm" all give
 * "layernorm". The quiz's spelling rule, shared with the library search (`spelling-variants`).
 */
export function compactAnswer(text: string): string {
  return normalizeShortAnswer(text).replace(/ /g, "");
}

/**
 * True when two short answers match after `normalizeShortAnswer`, or after removing all
 * spaces as well (`compactAnswer`), so "layer norm", "LayerNorm" and "layer-norm" are one answer.
 */
export function shortAnswersMatch(given: string, expected: string): boolean {
  const a = normalizeShortAnswer(given);
  const b = normalizeShortAnswer(expected);
  if (a === "" || b === "") return false;
  return a === b || compactAnswer(a) === compactAnswer(b);
}

const NUMBER_PATTERN = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a typed number: spaces ignored (also as thousands separators), comma thousands
 * separators ("1,000", "65,536"), exponents ("1e3", "2.5E-4"), a Unicode minus, and the
 * question's unit after the number ("12 GB"). A comma that is not a thousands separator
 * ("1,5") is not read as a decimal point: the result is null, as for any non-number.
 */
export function parseNumericAnswer(text: string, unit?: string): number | null {
  let compact = text
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .replace(/\s+/gu, "");
  if (unit) {
    const compactUnit = unit.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
    if (compactUnit && compact.toLowerCase().endsWith(compactUnit)) {
      compact = compact.slice(0, compact.length - compactUnit.length);
    }
  }
  if (!NUMBER_PATTERN.test(compact)) return null;
  const value = Number(compact.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}
