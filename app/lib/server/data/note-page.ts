import "#server-only";
import { renderMarkdown, type TocEntry } from "@/app/lib/domain/content/render-note";
import type { WidgetName } from "@/app/lib/domain/content/types";
import { sourceLinkOf, type SourceLink } from "@/app/lib/schemas/rendered-note";
import { getNote } from "./papers";
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
 * A note as its page shows it (rendered once and cached): cards and question prompts already
 * rendered to HTML here, so the page component is markup. Null for a note that does not exist
 * or was retired.
 */
export async function getNotePage(slug: string): Promise<NotePage | null> {
  const note = await getNote(slug);
  if (!note) return null;
  const cards = new Map(note.cards.map((c) => [`${slug}/${c.key}`, c]));
  const questions = new Map(note.questions.map((q) => [`${slug}/${q.key}`, q]));
  const segments = note.rendered.segments.flatMap((segment): NotePageSegment[] => {
    if (segment.kind === "html" || segment.kind === "widget") return [segment];
    if (segment.kind === "card") {
      const card = cards.get(segment.key);
      if (!card) return [];
      const source = sourceLinkOf(card.source, slug);
      return [{ kind: "card", type: card.type, frontHtml: renderMarkdown(card.front), backHtml: renderMarkdown(card.back), source }];
    }
    const question = questions.get(segment.key);
    return question ? [{ kind: "quiz", type: question.type, promptHtml: renderMarkdown(question.prompt) }] : [];
  });
  return {
    slug,
    short: note.short,
    title: note.title,
    kind: note.kind,
    area: note.area,
    areaLabel: areaLabel(note.area),
    venue: note.venue,
    year: note.year,
    authors: note.authors,
    summary: note.summary,
    link: note.link,
    tags: note.tags,
    toc: note.rendered.toc,
    segments,
    cardCount: note.cards.length,
    questionCount: note.questions.length,
    prerequisites: note.prerequisiteNotes.map(noteLink),
    dependents: note.dependentNotes.map(noteLink),
  };
}
