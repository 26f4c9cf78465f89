/**
 * The editor's live preview: the note checked by the corpus's parser (`checkOwnNote`) and
 * rendered by the corpus's pipeline in its untrusted mode (rehype-sanitize's allow-list), in the
 * browser. Loaded with `import()` by the editor so that the parser, KaTeX and the highlighter
 * are fetched once the editor is on screen, not with the page.
 */
import { checkOwnNote, type OwnNoteContext } from "@/app/lib/domain/content/own-note";
import { renderMarkdown, renderNote } from "@/app/lib/domain/content/render-note";
import type { ContentError, WidgetName } from "@/app/lib/domain/content/types";

export type PreviewSegment =
  | { kind: "html"; html: string }
  | { kind: "card"; type: string; frontHtml: string; backHtml: string }
  | { kind: "quiz"; type: string; promptHtml: string; choicesHtml: string[]; explanationHtml: string }
  | { kind: "widget"; name: WidgetName; caption: string | null };

export interface Preview {
  title: string | null;
  errors: ContentError[];
  segments: PreviewSegment[];
}

const untrusted = { untrusted: true } as const;

/**
 * Card sides, prompts, choices and explanations rarely change between two keystrokes: their
 * HTML is kept by text (a bounded cache), so a preview re-renders only what was edited.
 */
const itemHtml = new Map<string, string>();
const ITEM_CACHE_LIMIT = 2000;
function renderItem(markdown: string): string {
  const cached = itemHtml.get(markdown);
  if (cached !== undefined) return cached;
  const html = renderMarkdown(markdown, untrusted);
  if (itemHtml.size >= ITEM_CACHE_LIMIT) itemHtml.clear();
  itemHtml.set(markdown, html);
  return html;
}

/** The body after the front matter, for a note whose errors keep it from parsing: still shown. */
function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

export function renderPreview(slug: string, text: string, context: OwnNoteContext): Preview {
  const check = checkOwnNote(slug, text, context);
  if (!check.note) {
    return { title: null, errors: check.errors, segments: [{ kind: "html", html: renderMarkdown(bodyOf(text), untrusted) }] };
  }
  const note = check.note;
  const cards = new Map(check.cards.map((c) => [c.key, c]));
  const questions = new Map(check.questions.map((q) => [q.key, q]));
  const segments = renderNote(note, untrusted).segments.flatMap((segment): PreviewSegment[] => {
    if (segment.kind === "html" || segment.kind === "widget") return [segment];
    if (segment.kind === "card") {
      const card = cards.get(segment.key);
      return card ? [{ kind: "card", type: card.type, frontHtml: renderItem(card.front), backHtml: renderItem(card.back) }] : [];
    }
    const question = questions.get(segment.key);
    if (!question) return [];
    const choices = "choices" in question.payload ? question.payload.choices : "items" in question.payload ? question.payload.items : [];
    return [
      {
        kind: "quiz",
        type: question.type,
        promptHtml: renderItem(question.prompt),
        choicesHtml: choices.map(renderItem),
        explanationHtml: renderItem(question.explanation),
      },
    ];
  });
  return { title: note.meta.title, errors: [], segments };
}
