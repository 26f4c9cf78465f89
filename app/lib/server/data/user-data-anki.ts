import "#server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";

/**
 * A note's cards as a file Anki's "Import File" reads: tab-separated front, back and tags, with
 * the header lines Anki 2.1.55+ understands (separator, HTML, which column holds the tags).
 * Sides keep their markdown text; math becomes MathJax delimiters, which Anki renders.
 */

/** Markdown side → one Anki HTML field: escaped, math delimiters for MathJax, newlines as <br>. */
export function ankiField(markdown: string): string {
  const escaped = markdown.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const math = escaped
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => `\\[${tex}\\]`)
    .replace(/(^|[^\\])\$([^$\n]+?)\$/g, (_, before: string, tex: string) => `${before}\\(${tex}\\)`);
  return math.replace(/\t/g, " ").replace(/\r?\n/g, "<br>");
}

/** Anki tags are separated by spaces: spaces inside one become underscores. */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, "_");
}

export async function ankiTsv(slugs: readonly string[]): Promise<string> {
  const papers = await db.paper.findMany({
    where: { slug: { in: [...slugs] }, retiredAt: null },
    orderBy: { sortKey: "asc" },
    select: {
      slug: true,
      area: true,
      tags: true,
      cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { front: true, back: true } },
    },
  });
  if (papers.length === 0) throw new NotFoundError("None of these notes exists.");
  const lines = ["#separator:tab", "#html:true", "#tags column:3"];
  for (const paper of papers) {
    const tags = ["paperdeck", `paperdeck::${paper.slug}`, `paperdeck::area::${paper.area}`, ...paper.tags.map((t) => `paperdeck::tag::${t}`)]
      .map(ankiTag)
      .join(" ");
    for (const card of paper.cards) lines.push(`${ankiField(card.front)}\t${ankiField(card.back)}\t${tags}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The notes one may export to Anki: live ones with at least one live card, in library order. */
export async function notesWithCards(): Promise<{ slug: string; title: string; cards: number }[]> {
  const papers = await db.paper.findMany({
    where: { retiredAt: null },
    orderBy: { sortKey: "asc" },
    select: { slug: true, title: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
  });
  return papers.filter((p) => p._count.cards > 0).map((p) => ({ slug: p.slug, title: p.title, cards: p._count.cards }));
}
