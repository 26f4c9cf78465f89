import "#server-only";
import { renderMarkdown } from "@/app/lib/domain/content/render-note";
import { sourceLinkOf } from "@/app/lib/schemas/rendered-note";
import type { NotePageSegment } from "./note-page";
import { getOwnNote } from "./own-notes";
import { AREAS } from "./papers";

const untrusted = { untrusted: true } as const;

/**
 * One of the user's own notes as its page shows it: its last valid version, everything the
 * user wrote rendered through the sanitising pipeline (hostile input, even to its author).
 * Null when the note is not the user's (or is deleted).
 */
export async function getOwnNotePage(userId: string, id: string) {
  const note = await getOwnNote(userId, id);
  if (!note) return null;
  const cards = new Map(note.cards.map((c) => [`${note.slug}/${c.key}`, c]));
  const questions = new Map(note.questions.map((q) => [`${note.slug}/${q.key}`, q]));
  const segments = (note.rendered?.segments ?? []).flatMap((segment): NotePageSegment[] => {
    if (segment.kind === "html" || segment.kind === "widget") return [segment];
    if (segment.kind === "card") {
      const card = cards.get(segment.key);
      if (!card) return [];
      return [{ kind: "card", type: card.type, frontHtml: renderMarkdown(card.front, untrusted), backHtml: renderMarkdown(card.back, untrusted), source: sourceLinkOf(card.source, note.slug) }];
    }
    const question = questions.get(segment.key);
    return question ? [{ kind: "quiz", type: question.type, promptHtml: renderMarkdown(question.prompt, untrusted) }] : [];
  });
  return {
    id: note.id,
    slug: note.slug,
    short: note.short,
    title: note.title,
    summary: note.summary,
    link: note.link,
    tags: note.tags,
    areaLabel: AREAS.find((a) => a.id === note.area)?.label ?? note.area,
    status: note.status,
    live: note.retiredAt === null,
    segments,
    toc: note.rendered?.toc ?? [],
    cardCount: note.cards.length,
    questionCount: note.questions.length,
  };
}
