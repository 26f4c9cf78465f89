/**
 * A note's ==key terms==: each with its sentence (for its cloze card), line, section anchor and
 * the `[src: …]` markers of that sentence. One term a sentence; the sentence must be long
 * enough to make a card.
 */
import { contentMessage } from "./content-error-codes";
import { findKeyTermsInSource, sentenceBounds, wordCount } from "./markdown";
import type { Edition } from "./parse-note";
import type { Report } from "./note-text-checks";
import { slugify, termHashSlug } from "./note-slugs";
import { findSourceMarkers, stripSourceMarkers } from "./source-markers";
import { collapse, countNewlines } from "./text";
import type { KeyTerm } from "./types";

/** A paragraph as written (`source`), with code and maths blanked (`masked`) and source markers too (`plain`). */
export interface BodyParagraph {
  source: string;
  masked: string;
  plain: string;
  line: number;
}

export function readKeyTerms(
  paragraphs: BodyParagraph[],
  edition: Edition,
  anchorAt: (line: number) => string | null,
  report: Report,
): KeyTerm[] {
  const keyTerms: KeyTerm[] = [];
  for (const paragraph of paragraphs) {
    const terms = findKeyTermsInSource(paragraph.source, paragraph.plain);
    if (terms.length === 0) continue;
    const sentences = sentenceBounds(paragraph.plain);
    const seenInSentence = new Map<number, string>();
    for (const term of terms) {
      const line = paragraph.line + countNewlines(paragraph.source.slice(0, term.start));
      const index = sentences.findIndex(([s, e]) => term.start >= s && term.start < e);
      const [s, e] = sentences[index] ?? [0, paragraph.source.length];
      const previous = seenInSentence.get(index);
      if (previous !== undefined) {
        report(line, contentMessage("twoTermsInSentence", { previous, term: term.inner }));
        continue;
      }
      seenInSentence.set(index, term.inner);
      // A term with no Latin letter or digit (==对比学习== in a note written in Chinese) is named
      // by a hash of its text: stable while the term stays as written, as a slug would be.
      const termSlug = slugify(term.inner) || (edition === "en" ? termHashSlug(collapse(term.inner)) : "");
      // The sentence keeps this term marked and drops the marks of any other (none, by the rule
      // above), and its [src: …] markers: the card stays as it was before they were added.
      const unmarked = (from: number, to: number) => stripSourceMarkers(paragraph.source.slice(from, to), paragraph.masked.slice(from, to));
      const sentence = collapse(unmarked(s, e));
      const rest = collapse(unmarked(s, term.start) + unmarked(term.end, e));
      const markers = findSourceMarkers(paragraph.masked.slice(s, e)).markers.map((m) => m.text);
      if (wordCount(rest) < 3) {
        report(line, contentMessage("termSentenceShort", { term: term.inner }));
        continue;
      }
      keyTerms.push({ term: collapse(term.inner), slug: termSlug, sentence, line, anchor: anchorAt(line), sources: markers });
    }
  }
  return keyTerms;
}
