/**
 * The editor's live preview, in the browser. Two parts with different speeds (issue 17):
 *
 * - `renderLivePreview`: the body cut into sections (body-sections.ts), each rendered by the
 *   corpus's pipeline in its untrusted mode (rehype-sanitize's allow-list) and kept by its text,
 *   so a keystroke renders only the section it changed (a paragraph, a card): a few ms in a long
 *   note, where the whole note took 300–800 ms. Card and quiz blocks are read as the form reads
 *   them (block-form.ts), so a half-typed block still shows.
 * - `checkPreview`: the full note checker (`checkOwnNote`), whose errors the editor lists; it
 *   parses the whole note (100–200 ms for 1,000 words), so the editor runs it once typing pauses.
 *
 * Loaded with `import()` by the editor so that the parser, KaTeX and the highlighter are
 * fetched once the editor is on screen, not with the page.
 */
import { parseDocument } from "yaml";
import { formFromBlock, type CardType, type QuizType } from "@/app/lib/domain/content/block-form";
import { splitBody, type BodySection } from "@/app/lib/domain/content/body-sections";
import { clozeBack, clozeFront } from "@/app/lib/domain/content/cloze";
import { checkOwnNote, type OwnNoteContext } from "@/app/lib/domain/content/own-note";
import { renderMarkdown } from "@/app/lib/domain/content/render-note";
import type { ContentError, WidgetName } from "@/app/lib/domain/content/types";
import { isWidgetName } from "@/app/lib/domain/content/widget-names";

export type PreviewSegment = { key: string } & (
  | { kind: "html"; html: string }
  | { kind: "card"; type: CardType; frontHtml: string; backHtml: string }
  | { kind: "quiz"; type: QuizType; promptHtml: string; choicesHtml: string[]; explanationHtml: string }
  | { kind: "widget"; name: WidgetName; caption: string | null }
);

export interface LivePreview {
  title: string | null;
  segments: PreviewSegment[];
}

export interface Preview extends LivePreview {
  errors: ContentError[];
}

const untrusted = { untrusted: true } as const;

/** A bounded text → value cache (cleared when full: a preview's working set is one note). */
function cache<V>(limit: number) {
  const map = new Map<string, V>();
  return (key: string, make: () => V): V => {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (map.size >= limit) map.clear();
    map.set(key, value);
    return value;
  };
}

const itemCache = cache<string>(2000);
const renderItem = (markdown: string) => itemCache(markdown, () => renderMarkdown(markdown, untrusted));

type SegmentBody = PreviewSegment extends infer S ? (S extends PreviewSegment ? Omit<S, "key"> : never) : never;
const sectionCache = cache<SegmentBody | null>(2000);

function renderSection(section: BodySection): SegmentBody | null {
  return sectionCache(`${section.kind}\u0000${section.text}`, (): SegmentBody | null => {
    if (section.kind === "markdown") return { kind: "html", html: renderMarkdown(section.text, untrusted) };
    if (section.kind === "widget") {
      const data = yamlObject(section.body);
      const name = typeof data.name === "string" ? data.name : "";
      return isWidgetName(name) ? { kind: "widget", name, caption: typeof data.caption === "string" ? data.caption : null } : null;
    }
    const form = formFromBlock(section.kind, section.body);
    if (form.kind === "card") {
      const cloze = form.type === "cloze";
      return {
        kind: "card",
        type: form.type,
        frontHtml: renderItem(cloze ? clozeFront(form.text) : form.front),
        backHtml: renderItem(cloze ? clozeBack(form.text) : form.back),
      };
    }
    return {
      kind: "quiz",
      type: form.type,
      promptHtml: renderItem(form.prompt),
      choicesHtml: form.choices.map(renderItem),
      explanationHtml: renderItem(form.explanation),
    };
  });
}

function yamlObject(source: string): Record<string, unknown> {
  try {
    const value: unknown = parseDocument(source).toJS();
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const titleCache = cache<string | null>(50);

/** The preview of `text` as it is now; only sections not seen before are rendered. */
export function renderLivePreview(text: string): LivePreview {
  const front = FRONT_MATTER.exec(text);
  const title = front ? titleCache(front[1] ?? "", () => {
    const value = yamlObject(front[1] ?? "").title;
    return typeof value === "string" && value.trim() ? value : null;
  }) : null;
  const body = front ? text.slice(front[0].length) : text;
  const seen = new Map<string, number>();
  const segments: PreviewSegment[] = [];
  for (const section of splitBody(body)) {
    const rendered = renderSection(section);
    if (!rendered) continue;
    // A key from the section's text (and its repeat count): React then touches only the
    // DOM of sections that changed, even when one is inserted above them.
    const base = `${section.kind}:${hash(section.text)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    segments.push({ ...rendered, key: `${base}:${n}` });
  }
  return { title, segments };
}

/** Every problem in the note, with its line (the full checker the server also runs). */
export function checkPreview(slug: string, text: string, context: OwnNoteContext): ContentError[] {
  return checkOwnNote(slug, text, context).errors;
}

/** Both at once (tests, and a first render). */
export function renderPreview(slug: string, text: string, context: OwnNoteContext): Preview {
  return { ...renderLivePreview(text), errors: checkPreview(slug, text, context) };
}

/** FNV-1a, 32 bits: a short, stable key for a section's text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
