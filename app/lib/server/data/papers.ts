import "#server-only";
import { z } from "zod";
import { renderNote } from "@/app/lib/domain/content/render-note";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { noteLayoutSchema } from "@/app/lib/schemas/rendered-note";
import { AREA_LABELS, NOTE_AREAS } from "@/app/lib/schemas/areas";
import { db } from "../db";
import { chineseWordsQuery, searchHit, searchQuery } from "../sql/search";
import { rowsOf } from "../sql/typed-query";
import { visiblePapers } from "./visibility";

/** The library's area filters: the one list of areas with their labels. */
export const AREAS = NOTE_AREAS.map((id) => ({ id, label: AREA_LABELS[id] }));

export const libraryFilterSchema = z.object({
  area: z.string().regex(/^[a-z-]{1,40}$/).optional().catch(undefined),
  tag: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** "mine": only the reader's own notes (issue 17). */
  owner: z.enum(["mine"]).optional().catch(undefined),
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

export interface LibraryEntry {
  id: string;
  slug: string;
  short: string;
  title: string;
  kind: string;
  year: number | null;
  venue: string | null;
  area: string;
  tags: string[];
  summary: string;
  prerequisites: string[];
  cardCount: number;
  questionCount: number;
  /** A search snippet with <mark> around the matched words (only when searching). */
  snippet: string | null;
  /** The reader's own note (issue 17), not the corpus's. */
  mine: boolean;
}

/**
 * The notes in library order (area, then prerequisite order), filtered and searched: the corpus
 * and, for a signed-in reader, their own notes; in Chinese (`locale` "zh-CN") with their Chinese
 * titles and summaries, and snippets of the Chinese text.
 */
export async function listLibrary(filter: LibraryFilter, userId: string | null = null, locale: Locale = "en"): Promise<LibraryEntry[]> {
  const papers = await db.paper.findMany({
    where: {
      retiredAt: null,
      ...(filter.owner === "mine" && userId ? { ownerId: userId, deletedAt: null } : visiblePapers(userId)),
      ...(filter.area ? { area: filter.area } : {}),
      ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    },
    orderBy: [{ sortKey: "asc" }],
    select: {
      id: true,
      slug: true,
      short: true,
      title: true,
      kind: true,
      year: true,
      venue: true,
      area: true,
      tags: true,
      summary: true,
      prerequisites: true,
      ownerId: true,
      _count: {
        select: { cards: { where: { retiredAt: null } }, questions: { where: { retiredAt: null } } },
      },
    },
  });
  let snippets: Map<string, string> | null = null;
  if (filter.q) {
    const hits = await searchPapers(filter.q, locale === "zh-CN" ? "zh" : "en", userId);
    snippets = new Map(hits.map((h) => [h.id, h.snippet]));
    const rank = new Map(hits.map((h, i) => [h.id, i]));
    papers.sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  }
  const chinese = locale === "zh-CN" ? await chineseWords() : null;
  return papers
    .filter((p) => !snippets || snippets.has(p.id))
    .map((p) => ({
      id: p.id,
      slug: p.slug,
      short: p.short,
      title: chinese?.get(p.id)?.title ?? p.title,
      kind: p.kind,
      year: p.year,
      venue: p.venue,
      area: p.area,
      tags: p.tags,
      summary: chinese?.get(p.id)?.summary ?? p.summary,
      prerequisites: p.prerequisites,
      cardCount: p._count.cards,
      questionCount: p._count.questions,
      snippet: snippets?.get(p.id) ?? null,
      mine: p.ownerId !== null,
    }));
}

/**
 * Full-text search in English and Chinese (`searchQuery`), best match first, at most 50; snippets
 * in Chinese for `locale: "zh"` or a Chinese query.
 */
export async function searchPapers(
  q: string,
  locale: "en" | "zh" = "en",
  userId: string | null = null,
): Promise<{ id: string; snippet: string }[]> {
  const rows = await rowsOf(searchQuery(q, locale, userId));
  return rows.map(searchHit);
}

/** The Chinese titles and summaries of the notes with a Chinese edition (not their bodies). */
async function chineseWords(): Promise<Map<string, { title: string; summary: string }>> {
  const rows = await rowsOf(chineseWordsQuery());
  return new Map(rows.flatMap((r) => (r.title && r.summary ? [[r.id, { title: r.title, summary: r.summary }]] : [])));
}

/** The tags of the live notes the reader can see, of one area when given (the library's tag list narrows with the area). */
export async function listTags(userId: string | null = null, area?: string): Promise<string[]> {
  const rows = await db.paper.findMany({ where: { retiredAt: null, ...visiblePapers(userId), ...(area ? { area } : {}) }, select: { tags: true } });
  return [...new Set(rows.flatMap((r) => r.tags))].sort();
}

export interface NoteCard {
  id: string;
  key: string;
  type: string;
  front: string;
  back: string;
  anchor: string;
  derived: boolean;
}

export interface NoteQuestion {
  id: string;
  key: string;
  type: string;
  prompt: string;
  anchor: string;
}

/**
 * A corpus note with what its page shows. Questions carry their prompt only, never the answer.
 * The page is the same for every reader, so a user's own note is never found here (its page is
 * /notes/[id], read through `getOwnNote`).
 */
export async function getNote(slug: string) {
  const paper = await db.paper.findUnique({
    where: { slug, ownerId: null },
    include: {
      cards: {
        where: { retiredAt: null },
        orderBy: [{ derived: "asc" }, { position: "asc" }],
        select: { id: true, key: true, type: true, front: true, back: true, anchor: true, source: true, derived: true, zh: true },
      },
      questions: {
        where: { retiredAt: null },
        orderBy: [{ derived: "asc" }, { position: "asc" }],
        select: { id: true, key: true, type: true, prompt: true, anchor: true, zh: true },
      },
    },
  });
  if (!paper || paper.retiredAt) return null;
  const related = await db.paper.findMany({
    where: {
      retiredAt: null,
      ownerId: null,
      OR: [{ slug: { in: paper.prerequisites } }, { prerequisites: { has: slug } }],
    },
    select: { slug: true, short: true, title: true, prerequisites: true, sortKey: true },
    orderBy: { sortKey: "asc" },
  });
  return {
    ...paper,
    rendered: renderStoredNote(paper.body, paper.rendered),
    prerequisiteNotes: related.filter((r) => paper.prerequisites.includes(r.slug)),
    dependentNotes: related.filter((r) => r.prerequisites.includes(slug)),
  };
}

/** Renders a note body from its stored layout (done once per note: the page is cached). */
export function renderStoredNote(body: string, stored: unknown) {
  const layout = noteLayoutSchema.parse(stored);
  return renderNote({ body, ...layout });
}

/** The name a note goes by ("MoCo"), for titles and messages; null for no live note the reader may see. */
export async function noteName(slug: string, userId: string | null = null): Promise<string | null> {
  const paper = await db.paper.findFirst({ where: { slug, retiredAt: null, ...visiblePapers(userId) }, select: { short: true } });
  return paper?.short ?? null;
}
