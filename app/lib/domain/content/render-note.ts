/**
 * Note markdown → HTML segments, with the card, quiz and widget blocks left as slots for the
 * page's interactive components. Raw HTML in markdown is dropped (remark-rehype without
 * allowDangerousHtml) and links keep only http(s), mailto and relative targets, so a note
 * cannot inject script.
 */
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeSlug from "rehype-slug";
import rehypeKatex from "rehype-katex";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import rehypeSanitize from "rehype-sanitize";
import { toString as hastToString } from "hast-util-to-string";
import type { Element, Nodes as HastNodes, Root as HastRoot, RootContent as HastRootContent } from "hast";
import type { RootContent } from "mdast";
import { isBlockLang, markKeyTerms, markSources, parseMarkdown } from "./markdown";
import { untrustedNoteSchema } from "./sanitize";
import type { BlockRef, ParsedNote, WidgetName } from "./types";

export type NoteSegment =
  | { kind: "html"; html: string }
  | { kind: "card"; key: string }
  | { kind: "quiz"; key: string }
  | { kind: "widget"; name: WidgetName; caption: string | null };

export interface TocEntry {
  depth: 2 | 3;
  /** The heading's id in the rendered HTML (same as the anchors of items). */
  id: string;
  /** Plain text (math and code as source). */
  text: string;
  /** The heading's inner HTML (math rendered). */
  html: string;
}

export interface RenderedNote {
  segments: NoteSegment[];
  toc: TocEntry[];
}

const SLOT_TAG = "paperdeck-slot";
const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.|[^:/?#]*(?:[/?#]|$))/i;

/** Drops href/src values with a scheme other than http(s) or mailto (`javascript:` and co). */
function rehypeSafeUrls() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      for (const prop of ["href", "src"] as const) {
        const value = element.properties[prop];
        if (typeof value === "string" && !SAFE_URL.test(value.trim())) delete element.properties[prop];
      }
      if (element.tagName === "a" && typeof element.properties.href === "string" && /^https?:/i.test(element.properties.href)) {
        element.properties.rel = ["noopener", "noreferrer"];
      }
    });
  };
}

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeKatex, { strict: false })
  .use(rehypeHighlight)
  .use(rehypeSafeUrls)
  .freeze();

/**
 * The same pipeline for a user's own note (issue 17), the rendered tree then passed through
 * rehype-sanitize's allow-list (sanitize.ts): hostile input, whoever reads it.
 */
const toSafeHtml = toHtml().use(rehypeSanitize, untrustedNoteSchema).freeze();

export interface RenderOptions {
  /** A user's own note: sanitize the rendered tree with the allow-list. */
  untrusted?: boolean;
}

const stringifier = unified().use(rehypeStringify).freeze();

/**
 * Renders a note body. Heading ids are rehype-slug's, equal to `note.headings[].slug` and so
 * to the `anchor` of every item; blocks become `card`/`quiz`/`widget` segments in place.
 */
export function renderNote(note: Pick<ParsedNote, "body" | "blocks" | "bodyStartLine" | "headings">, options: RenderOptions = {}): RenderedNote {
  const mdast = parseMarkdown(note.body);
  markKeyTerms(mdast);
  markSources(mdast);
  const blockAt = new Map(note.blocks.map((b) => [b.line, b]));
  const offset = note.bodyStartLine - 1;
  mdast.children = mdast.children.map((node) => slotFor(node, blockAt, offset) ?? node);

  const hast = (options.untrusted ? toSafeHtml : toHtml).runSync(mdast);

  const segments: NoteSegment[] = [];
  let run: HastRootContent[] = [];
  const flush = () => {
    const html = stringifier.stringify({ type: "root", children: run }).trim();
    if (html !== "") segments.push({ kind: "html", html });
    run = [];
  };
  for (const child of hast.children) {
    const block = child.type === "element" && child.tagName === SLOT_TAG ? blockAt.get(Number(child.properties.dataLine)) : undefined;
    if (!block) {
      run.push(child);
      continue;
    }
    flush();
    segments.push(block.kind === "widget" ? { kind: "widget", name: block.name, caption: block.caption } : { kind: block.kind, key: block.key });
  }
  flush();

  const textById = new Map(note.headings.map((h) => [h.slug, h.text]));
  const toc: TocEntry[] = [];
  visitElements(hast, (element) => {
    if (element.tagName !== "h2" && element.tagName !== "h3") return;
    const id = String(element.properties.id ?? "");
    toc.push({
      depth: element.tagName === "h2" ? 2 : 3,
      id,
      text: textById.get(id) ?? hastToString(element),
      html: stringifier.stringify({ type: "root", children: element.children }),
    });
  });
  return { segments, toc };
}

/**
 * Markdown of a card side, prompt, choice or explanation → HTML, with the same math, code,
 * key-term, source-marker and safety handling as a note (headings get no ids worth linking to).
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const mdast = parseMarkdown(markdown);
  markKeyTerms(mdast);
  markSources(mdast);
  return stringifier.stringify((options.untrusted ? toSafeHtml : toHtml).runSync(mdast));
}

function slotFor(node: RootContent, blockAt: Map<number, BlockRef>, offset: number): RootContent | undefined {
  if (node.type !== "code" || !isBlockLang(node.lang)) return undefined;
  const line = (node.position?.start.line ?? 0) + offset;
  if (!blockAt.has(line)) return undefined;
  // An empty paragraph renamed through data.hName: remark-rehype turns it into <paperdeck-slot>.
  return { type: "paragraph", children: [], data: { hName: SLOT_TAG, hProperties: { dataLine: line } } };
}

function visitElements(node: HastNodes, visit: (element: Element) => void) {
  if (node.type === "element") visit(node);
  if ("children" in node) for (const child of node.children) visitElements(child, visit);
}

