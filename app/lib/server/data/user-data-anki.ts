import "#server-only";
import { ankiClozeHtml, ankiHtml, type AnkiHtmlOptions } from "@/app/lib/domain/anki/fields";
import { ankiDeckName, ankiTags, planNotes, type AnkiNoteKind, type PlannedNote } from "@/app/lib/domain/anki/notes";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { forEachSliced } from "../time-slices";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { paperTitleIn } from "./localized-text";
import { visiblePapers } from "./visibility";

/**
 * A note's cards as a file Anki's "Import File" reads (Anki 2.1.55 or later): tab-separated,
 * with header lines naming the columns, so each row carries its own note type, deck, guid and
 * tags. Columns: note type (Anki's stock "Basic", "Basic (and reversed card)" or "Cloze"),
 * deck (`PaperDeck::<note title>`), guid (from our card key, see `ankiGuid`: importing again
 * updates the notes instead of doubling them), the two fields as HTML (see `ankiHtml`:
 * markdown rendered, maths for MathJax, key terms bold; a cloze card's deletions `{{c1::…}}`),
 * tags. The `.apkg` package (`user-data-apkg.ts`) carries the same notes with the review history.
 */

const STOCK_NOTE_TYPE: Record<AnkiNoteKind, string> = {
  basic: "Basic",
  reversed: "Basic (and reversed card)",
  cloze: "Cloze",
};

export const ANKI_TSV_HEADER = ["#separator:tab", "#html:true", "#notetype column:1", "#deck column:2", "#guid column:3", "#tags column:6"];

/** The live cards of the chosen notes (library order), with what the Anki files need of their note. */
export async function notesForAnki(slugs: readonly string[], userId: string | null = null) {
  const papers = await db.paper.findMany({
    where: { slug: { in: [...slugs] }, retiredAt: null, ...visiblePapers(userId) },
    orderBy: { sortKey: "asc" },
    select: {
      slug: true,
      title: true,
      area: true,
      tags: true,
      cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true, type: true, front: true, back: true } },
    },
  });
  if (papers.length === 0) throw new NotFoundError("None of these notes exists.");
  return papers;
}

/**
 * One cell of the file: Anki reads it with a CSV reader (tab as separator), so a cell holding a
 * double quote is quoted, its quotes doubled. Cells never hold a tab or a newline (see `ankiHtml`).
 */
function cell(text: string): string {
  return /["\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A planned note's two fields as Anki HTML (a cloze note's text with `{{c1::…}}` deletions). */
export function ankiFields(note: PlannedNote, options: AnkiHtmlOptions): [string, string] {
  const [first, second] = note.fields;
  return [note.kind === "cloze" ? ankiClozeHtml(first, options) : ankiHtml(first, options), ankiHtml(second, options)];
}

export async function ankiTsv(slugs: readonly string[], options: AnkiHtmlOptions = {}, userId: string | null = null): Promise<string> {
  const papers = await notesForAnki(slugs, userId);
  const rows = papers.flatMap((paper) => {
    const deck = ankiDeckName(paper.title);
    const tags = ankiTags(paper).join(" ");
    return planNotes(paper.slug, paper.cards).map((note) => ({ note, deck, tags }));
  });
  const lines = [...ANKI_TSV_HEADER];
  // Rendering the fields is the CPU of an export (~1.5 ms a field): in time slices.
  await forEachSliced(rows, ({ note, deck, tags }) => {
    lines.push([STOCK_NOTE_TYPE[note.kind], deck, note.guid, ...ankiFields(note, options), tags].map(cell).join("\t"));
  });
  return `${lines.join("\n")}\n`;
}

/** The notes one may export to Anki: live ones with at least one live card, in library order. */
export async function notesWithCards(
  userId: string | null = null,
  locale: Locale = "en",
): Promise<{ slug: string; title: string; titleIn: Locale; cards: number }[]> {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, ...visiblePapers(userId) },
    orderBy: { sortKey: "asc" },
    select: { slug: true, title: true, zh: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
  });
  return papers
    .filter((p) => p._count.cards > 0)
    .map((p) => {
      const title = paperTitleIn(p, locale);
      return { slug: p.slug, title: title.text, titleIn: title.shownIn, cards: p._count.cards };
    });
}
