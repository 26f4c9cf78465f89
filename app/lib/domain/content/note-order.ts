/**
 * Orders notes so that every note comes after its prerequisites (Kahn's algorithm), breaking
 * ties by year, then slug, so the order is stable. The library and new-card queue follow it.
 */
import { markdownToPlainText } from "./plain-text";
import { cjkWords, segmentCjk } from "./segment";
import { joinedSpellings } from "./spelling-variants";
import type { CardItem, LocalizedNote, ParsedNote, QuizItem } from "./types";

export function prerequisiteOrder(notes: readonly ParsedNote[]): Map<string, number> {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const indegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const note of notes) {
    const prereqs = (note.meta.prerequisites ?? []).filter((p) => bySlug.has(p));
    indegree.set(note.slug, prereqs.length);
    for (const p of prereqs) dependents.set(p, [...(dependents.get(p) ?? []), note.slug]);
  }
  const rank = (slug: string) => {
    const n = bySlug.get(slug);
    return [n?.meta.year ?? 0, slug] as const;
  };
  const compare = (a: string, b: string) => {
    const [ya, sa] = rank(a);
    const [yb, sb] = rank(b);
    return ya - yb || (sa < sb ? -1 : sa > sb ? 1 : 0);
  };
  const ready = notes.filter((n) => indegree.get(n.slug) === 0).map((n) => n.slug).sort(compare);
  const order = new Map<string, number>();
  while (ready.length) {
    const slug = ready.shift() as string;
    order.set(slug, order.size);
    for (const d of dependents.get(slug) ?? []) {
      const left = (indegree.get(d) ?? 0) - 1;
      indegree.set(d, left);
      if (left === 0) {
        ready.push(d);
        ready.sort(compare);
      }
    }
  }
  // A cycle is a content error reported elsewhere; still give every note a position.
  for (const n of [...notes].sort((a, b) => compare(a.slug, b.slug))) {
    if (!order.has(n.slug)) order.set(n.slug, order.size);
  }
  return order;
}

/**
 * The text PostgreSQL indexes for a note, and the one its search snippet is cut from: plain text
 * (`markdownToPlainText`: no `## `, `**`, link targets), the tags and authors each in a sentence
 * of their own ("Tags: transformer, attention.") so that they do not run into the summary, then
 * the prose (without the YAML blocks), cards and questions.
 */
export function searchDocument(note: ParsedNote, cards: readonly CardItem[], questions: readonly QuizItem[]): string {
  const list = (label: string, items: readonly string[]) => (items.length ? `${label}: ${items.join(", ")}.` : "");
  return [
    note.meta.summary,
    list("Tags", note.meta.tags),
    list("Authors", note.meta.authors ?? []),
    list("Introduces", note.meta.introduces ?? []),
    markdownToPlainText(prose(note.body)),
    markdownToPlainText([...cards.map((c) => `${c.front}\n\n${c.back}`), ...questions.map((q) => q.prompt)].join("\n\n")),
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Separates a search document from the spellings it gains (`withJoinedSpellings`): indexed, but
 * the snippet is cut from the text before it only (`searchQuery`).
 */
export const SEARCH_VARIANTS_SEPARATOR = "\f";

/**
 * Each note's search document (by slug) with the corpus's words it spells as two appended after
 * `SEARCH_VARIANTS_SEPARATOR` (`joinedSpellings`: "layer norm" here, "LayerNorm" elsewhere), so
 * that "layernorm" finds it as "layer norm" does.
 */
export function withJoinedSpellings(documents: ReadonlyMap<string, string>): Map<string, string> {
  const slugs = [...documents.keys()];
  const joined = joinedSpellings(slugs.map((slug) => documents.get(slug) ?? ""));
  return new Map(
    slugs.map((slug, i) => {
      const words = joined[i] ?? [];
      const text = documents.get(slug) ?? "";
      return [slug, words.length ? `${text}${SEARCH_VARIANTS_SEPARATOR}${words.join(" ")}` : text];
    }),
  );
}

/**
 * The same for the note's Chinese edition (empty without one), cut into words by `segmentCjk`
 * (PostgreSQL cannot split Chinese), so that 对比学习 or 蒸馏 find the note.
 */
export function searchDocumentZh(zh: LocalizedNote | undefined, cards: readonly CardItem[], questions: readonly QuizItem[]): string {
  if (!zh) return "";
  return [
    zh.title,
    zh.summary,
    zh.introduces.join(" "),
    markdownToPlainText(prose(zh.body)),
    ...cards.map((c) => zh.cards[c.id]).map((c) => (c ? `${c.front} ${c.back}` : "")),
    ...questions.map((q) => zh.questions[q.id]?.prompt ?? ""),
  ]
    .map(segmentCjk)
    .join("\n");
}

function prose(body: string): string {
  return body.replace(/^```(?:card|quiz|widget)\n[\s\S]*?^```$/gm, " ").replace(/==/g, "");
}

/**
 * What a note is called in Chinese, searched with its English title's weight: the Chinese words
 * of its title and of the ideas it introduced, cut into words (the English in parentheses left
 * out, so English searches rank as before). Empty without a Chinese edition.
 */
export function searchTitle(zh: LocalizedNote | undefined): string {
  if (!zh) return "";
  return cjkWords([zh.title, ...zh.introduces].join(" ")).join(" ");
}
