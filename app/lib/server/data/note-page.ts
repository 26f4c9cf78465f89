import "#server-only";
import { renderMarkdown, type TocEntry } from "@/app/lib/domain/content/render-note";
import type { WidgetName } from "@/app/lib/domain/content/types";
import { notePath, type Locale } from "@/app/lib/domain/i18n/locales";
import { sourceLinkOf, type SourceLink } from "@/app/lib/schemas/rendered-note";
import { storedCardZhSchema, storedPaperZhSchema, storedQuestionZhSchema } from "@/app/lib/schemas/translation";
import { getNote, renderStoredNote } from "./papers";
import { areaLabel } from "@/app/lib/schemas/areas";

export type NotePageSegment =
  | { kind: "html"; html: string }
  | { kind: "card"; type: string; frontHtml: string; backHtml: string; source: SourceLink | null }
  | { kind: "quiz"; type: string; promptHtml: string }
  | { kind: "widget"; name: WidgetName; caption: string | null };

export interface NoteLink {
  slug: string;
  short: string;
}

export interface NotePage {
  slug: string;
  /** The language the note is shown in; "en" when a Chinese edition was asked for and none exists. */
  locale: Locale;
  /** Whether the note has a Chinese edition (for hreflang and the language link). */
  hasChinese: boolean;
  short: string;
  title: string;
  kind: string;
  area: string;
  areaLabel: string;
  venue: string | null;
  year: number | null;
  authors: string[];
  summary: string;
  link: string | null;
  tags: string[];
  toc: TocEntry[];
  segments: NotePageSegment[];
  cardCount: number;
  questionCount: number;
  prerequisites: NoteLink[];
  dependents: NoteLink[];
}

const noteLink = ({ slug, short }: NoteLink): NoteLink => ({ slug, short });

/**
 * The renderer labels each `[src: …]` marker "Source: " for screen readers (visually hidden,
 * markdown.ts); a Chinese page says it in Chinese.
 */
const EN_SOURCE_LABEL = '<span class="source-label">Source: </span>';
const ZH_SOURCE_LABEL = '<span class="source-label">出处：</span>';
export const inChinese = (html: string) => html.replaceAll(EN_SOURCE_LABEL, ZH_SOURCE_LABEL);

/**
 * A note as its page shows it (rendered once and cached): cards and question prompts already
 * rendered to HTML here, so the page component is markup. In Chinese (`locale` "zh-CN") the
 * Chinese edition stored by the content sync: its body, title, summary, cards and prompts,
 * under the same ids; a note without one is shown in English. Null for a note that does not
 * exist or was retired.
 */
export async function getNotePage(slug: string, locale: Locale = "en"): Promise<NotePage | null> {
  const note = await getNote(slug);
  if (!note) return null;
  const storedZh = storedPaperZhSchema.safeParse(note.zh);
  const zh = locale === "zh-CN" && storedZh.success ? storedZh.data : null;
  const shownIn: Locale = zh ? "zh-CN" : "en";
  const rendered = zh ? renderStoredNote(zh.body, zh.layout) : note.rendered;
  const cards = new Map(note.cards.map((c) => [`${slug}/${c.key}`, c]));
  const questions = new Map(note.questions.map((q) => [`${slug}/${q.key}`, q]));
  const sourceOf = (stored: unknown) => {
    const link = sourceLinkOf(stored, slug);
    return link && zh ? { ...link, href: link.href.replace(`/papers/${slug}`, notePath("zh-CN", slug)) } : link;
  };
  const html = zh ? inChinese : (text: string) => text;
  const segments = rendered.segments.flatMap((segment): NotePageSegment[] => {
    if (segment.kind === "html") return [{ kind: "html", html: html(segment.html) }];
    if (segment.kind === "widget") return [segment];
    if (segment.kind === "card") {
      const card = cards.get(segment.key);
      if (!card) return [];
      const cardZh = zh ? storedCardZhSchema.safeParse(card.zh) : null;
      if (cardZh?.success) {
        const { front, back, source } = cardZh.data;
        return [{ kind: "card", type: card.type, frontHtml: html(renderMarkdown(front)), backHtml: html(renderMarkdown(back)), source: sourceOf(source) }];
      }
      return [{ kind: "card", type: card.type, frontHtml: renderMarkdown(card.front), backHtml: renderMarkdown(card.back), source: sourceOf(card.source) }];
    }
    const question = questions.get(segment.key);
    if (!question) return [];
    const questionZh = zh ? storedQuestionZhSchema.safeParse(question.zh) : null;
    const prompt = questionZh?.success ? questionZh.data.prompt : question.prompt;
    return [{ kind: "quiz", type: question.type, promptHtml: html(renderMarkdown(prompt)) }];
  });
  return {
    slug,
    locale: shownIn,
    hasChinese: storedZh.success,
    short: note.short,
    title: zh?.title ?? note.title,
    kind: note.kind,
    area: note.area,
    areaLabel: areaLabel(note.area),
    venue: note.venue,
    year: note.year,
    authors: note.authors,
    summary: zh?.summary ?? note.summary,
    link: note.link,
    tags: note.tags,
    toc: rendered.toc,
    segments,
    cardCount: note.cards.length,
    questionCount: note.questions.length,
    prerequisites: note.prerequisiteNotes.map(noteLink),
    dependents: note.dependentNotes.map(noteLink),
  };
}
