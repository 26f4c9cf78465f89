/**
 * Chinese word segmentation for full-text search (issue 16). PostgreSQL's parser splits text at
 * spaces and punctuation, and Chinese is written without spaces: a whole clause became one
 * "word", so 对比学习 found nothing. The sync indexes, and the search query reads, Chinese with
 * its words separated by spaces, as `Intl.Segmenter` (ICU's dictionary) cuts them: 对比学习 →
 * 对比 学习. Both sides are cut by the same function, so a query's words are the document's.
 */

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** A run of CJK characters (Han, kana): what the segmenter cuts; everything else is left alone. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * The text with every run of CJK characters cut into words separated by spaces, and set apart
 * from the latin text around it ("MoCo的动量编码器" → "MoCo 的 动量 编码 器").
 */
export function segmentCjk(text: string): string {
  return text.replace(CJK_RUN, (run, offset: number, whole: string) => {
    const words = [...segmenter.segment(run)].map((s) => s.segment).join(" ");
    const before = offset > 0 && !/\s/.test(whole[offset - 1] ?? "") ? " " : "";
    const end = offset + run.length;
    const after = end < whole.length && !/\s/.test(whole[end] ?? "") ? " " : "";
    return `${before}${words}${after}`;
  });
}

/** The words of the CJK runs of a text, in order, and nothing else ("动量编码器 (momentum encoder)" → 动量, 编码, 器). */
export function cjkWords(text: string): string[] {
  return (text.match(CJK_RUN) ?? []).flatMap((run) => [...segmenter.segment(run)].map((s) => s.segment));
}

/** A text cut by `segmentCjk` (a search snippet, `<mark>`s included) with the spaces between CJK characters taken out again. */
export function joinCjk(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:<\/?mark>)?) (?=(?:<\/?mark>)?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, "");
}

/**
 * A search query (`websearch_to_tsquery` syntax) with its Chinese cut as the documents are, each
 * run of Chinese characters a phrase of its words: 动量编码器 → "动量 编码 器", which asks for the
 * three words in that order, as they were written, not for 编码 and 器 anywhere in the note
 * (器 ends every 编码器 and 解码器). Text already inside quotes is cut without adding quotes.
 */
export function segmentQuery(query: string): string {
  return query
    .split(/("[^"]*")/)
    .map((part, i) => {
      if (i % 2 === 1) return ` "${segmentCjk(part.slice(1, -1)).trim()}" `;
      return part.replace(CJK_RUN, (run) => {
        const words = [...segmenter.segment(run)].map((s) => s.segment);
        return words.length > 1 ? ` "${words.join(" ")}" ` : ` ${run} `;
      });
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
