/**
 * The one markdown reading shared by parse-note and render-note, so that what the checker
 * sees (headings, blocks, key terms) is what the page renders.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { SOURCE_OPEN } from "./source-markers";
import type { BlockContent, Nodes, Parents, PhrasingContent, Root, RootContent } from "mdast";

type InlineMath = Extract<PhrasingContent, { type: "inlineMath" }>;
type DisplayMath = Extract<BlockContent, { type: "math" }>;

const reader = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();

/**
 * Markdown (CommonMark + GFM + `$` math) to mdast. A paragraph that is only `$$...$$` on one
 * line becomes display math, as a `$$` block over several lines is (see `promoteDisplayMath`).
 */
export function parseMarkdown(markdown: string): Root {
  const tree = reader.parse(markdown);
  promoteDisplayMath(tree, markdown);
  return tree;
}

/**
 * remark-math reads `$$x$$` inside a line as inline math, so a one-line display equation came
 * out small, with limits beside the Σ, and broke across lines on a phone. A paragraph made only
 * of such `$$...$$` (and whitespace, or a `[src: …]` marker after an equation) is replaced by
 * display math blocks, the markers kept in a paragraph of their own after their equation.
 * `$$...$$` inside a sentence stays inline: display maths cannot sit in running text.
 */
function promoteDisplayMath(tree: Nodes, markdown: string): void {
  if (!("children" in tree)) return;
  for (const child of tree.children) promoteDisplayMath(child, markdown);
  const expand = <C extends RootContent>(children: C[]): (C | BlockContent)[] =>
    children.flatMap((child): (C | BlockContent)[] =>
      child.type === "paragraph" ? (displayBlocksOf(child.children, markdown) ?? [child]) : [child],
    );
  if (tree.type === "root") tree.children = expand(tree.children);
  else if (tree.type === "listItem" || tree.type === "blockquote") tree.children = expand(tree.children);
}

function displayBlocksOf(children: PhrasingContent[], markdown: string): BlockContent[] | undefined {
  const out: BlockContent[] = [];
  let markers: PhrasingContent[] = [];
  const flushMarkers = () => {
    if (markers.length > 0) out.push({ type: "paragraph", children: markers, data: { hProperties: { className: ["equation-source"] } } });
    markers = [];
  };
  for (const child of children) {
    if (child.type === "inlineMath" && isDoubleDollar(child, markdown)) {
      flushMarkers();
      out.push(displayMath(child));
    } else if (child.type === "text" && child.value.trim() === "") {
      continue;
    } else if (child.type === "text" && out.length > 0 && SOURCE_MARKERS_ONLY.test(child.value)) {
      markers.push({ ...child, value: child.value.trim() });
    } else {
      return undefined;
    }
  }
  flushMarkers();
  return out.length > 0 ? out : undefined;
}

/** Text that is nothing but `[src: …]` markers: what may follow a display equation on its line. */
const SOURCE_MARKERS_ONLY = /^\s*(?:\[src:[^\]\n]*\]\s*)+$/;

function isDoubleDollar(node: InlineMath, markdown: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = markdown.slice(start, end);
  return source.startsWith("$$") && source.endsWith("$$") && !source.includes("\n");
}

/** The node remark-math builds for a `$$` block (a `<pre><code class="math-display">` for rehype-katex). */
function displayMath(node: InlineMath): DisplayMath {
  return {
    type: "math",
    meta: null,
    value: node.value,
    position: node.position,
    data: {
      hName: "pre",
      hChildren: [
        { type: "element", tagName: "code", properties: { className: ["language-math", "math-display"] }, children: [{ type: "text", value: node.value }] },
      ],
    },
  };
}

export const BLOCK_LANGS = ["card", "quiz", "widget"] as const;
export type BlockLang = (typeof BLOCK_LANGS)[number];

export function isBlockLang(lang: string | null | undefined): lang is BlockLang {
  return lang === "card" || lang === "quiz" || lang === "widget";
}

/** Calls `visit` on every node with its parent, depth first, in document order. */
export function walk(node: Nodes, visit: (node: Nodes, parent: Parents | null) => void, parent: Parents | null = null) {
  visit(node, parent);
  if ("children" in node) for (const child of node.children) walk(child, visit, node);
}

/**
 * Text of a heading as rehype-slug will see it after remark-rehype: text, inline code and
 * inline math keep their source, raw HTML and images contribute nothing, `==` marks are gone.
 */
export function headingText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "inlineMath") return node.value;
  if (node.type === "html" || node.type === "image" || node.type === "imageReference") return "";
  if ("children" in node) return node.children.map(headingText).join("");
  return "";
}

const KEY_TERM_DATA = { hName: "mark", hProperties: { className: ["key-term"] } };

/**
 * Turns `==term==` into `<mark class="key-term">` (an mdast emphasis node renamed through
 * `data.hName`, so no custom node type is needed). Like GFM emphasis, the opening `==` must be
 * followed, and the closing one preceded, by a non-space, so `a == b` in prose stays text.
 * A term may span formatting (`==**queue**==`) as long as its `==` are in the same paragraph.
 */
export function markKeyTerms(tree: Root): void {
  rewritePhrasing(tree, true, "==", markInPhrasing);
}

/** Node types whose children are phrasing content a marker may sit in. */
const PHRASING_PARENTS = new Set(["paragraph", "heading", "tableCell", "emphasis", "strong", "delete", "link", "linkReference"]);

/**
 * Rewrites the phrasing children of every node that holds text containing `needle` (key terms
 * and source markers are both found this way); headings only when `inHeadings`.
 */
function rewritePhrasing(
  tree: Root,
  inHeadings: boolean,
  needle: string,
  rewrite: (children: PhrasingContent[]) => PhrasingContent[],
): void {
  walk(tree, (node) => {
    if (!PHRASING_PARENTS.has(node.type) || (node.type === "heading" && !inHeadings)) return;
    const parent = node as { children: PhrasingContent[] };
    if (parent.children.some((c) => c.type === "text" && c.value.includes(needle))) {
      parent.children = rewrite(parent.children);
    }
  });
}

const SOURCE_REF_DATA = { hName: "sup", hProperties: { className: ["source-ref"] } };
const SOURCE_LABEL_DATA = { hName: "span", hProperties: { className: ["source-label"] } };

/**
 * Turns each `[src: …]` marker into `<sup class="source-ref"><span class="source-label">Source:
 * </span>§3.3, Table 1</sup>`: a small reference that shows the marker's text, and that a screen
 * reader announces as "Source: §3.3, Table 1" (the label is visually hidden). Markers in headings
 * stay text: the checker refuses them there, since a heading's text is its anchor. A marker may
 * hold formatting (`[src: Table 1, *left*]`); an unclosed one stays text (the checker reports it).
 */
export function markSources(tree: Root): void {
  rewritePhrasing(tree, false, SOURCE_OPEN, sourcesInPhrasing);
}

function sourcesInPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let open: PhrasingContent[] | null = null;
  let depth = 0;
  for (const child of children) {
    if (child.type !== "text") {
      (open ?? out).push(child);
      continue;
    }
    const value = child.value;
    let from = 0;
    for (let i = 0; i < value.length; i++) {
      if (open === null) {
        if (!value.startsWith(SOURCE_OPEN, i)) continue;
        if (i > from) out.push({ type: "text", value: value.slice(from, i) });
        open = [];
        depth = 0;
        i += SOURCE_OPEN.length - 1;
        from = i + 1;
      } else if (value[i] === "[") depth++;
      else if (value[i] === "]" && depth > 0) depth--;
      else if (value[i] === "]") {
        if (i > from) open.push({ type: "text", value: value.slice(from, i) });
        out.push(sourceRef(open));
        open = null;
        from = i + 1;
      }
    }
    if (from < value.length) (open ?? out).push({ type: "text", value: value.slice(from) });
  }
  if (open !== null) out.push({ type: "text", value: SOURCE_OPEN }, ...open);
  return mergeTexts(out);
}

function sourceRef(inner: PhrasingContent[]): PhrasingContent {
  const children = mergeTexts(inner);
  const first = children[0];
  const last = children[children.length - 1];
  if (first?.type === "text") first.value = first.value.trimStart();
  if (last?.type === "text") last.value = last.value.trimEnd();
  return {
    type: "emphasis",
    data: SOURCE_REF_DATA,
    children: [{ type: "emphasis", data: SOURCE_LABEL_DATA, children: [{ type: "text", value: "Source: " }] }, ...children],
  };
}

function markInPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let open: PhrasingContent[] | null = null;
  const push = (node: PhrasingContent) => (open ?? out).push(node);

  for (const [index, child] of children.entries()) {
    if (child.type !== "text") {
      push(child);
      continue;
    }
    const value = child.value;
    // Next to a non-text sibling (`==**queue**==`) the neighbour counts as a non-space.
    const edgeBefore = index > 0 ? "x" : undefined;
    const edgeAfter = index < children.length - 1 ? "x" : undefined;
    let from = 0;
    for (let at = value.indexOf("=="); at !== -1; at = value.indexOf("==", at + 2)) {
      if (value[at - 1] === "=" || value[at + 2] === "=") continue; // `===` is not a mark
      const before = at > 0 ? value[at - 1] : edgeBefore;
      const after = at + 2 < value.length ? value[at + 2] : edgeAfter;
      if (open === null && after !== undefined && !/\s/.test(after)) {
        if (at > from) out.push({ type: "text", value: value.slice(from, at) });
        open = [];
        from = at + 2;
      } else if (open !== null && before !== undefined && !/\s/.test(before) && (at > from || open.length > 0)) {
        if (at > from) open.push({ type: "text", value: value.slice(from, at) });
        out.push({ type: "emphasis", data: KEY_TERM_DATA, children: open });
        open = null;
        from = at + 2;
      }
    }
    if (from < value.length) push({ type: "text", value: value.slice(from) });
  }
  // An unclosed `==` was just text after all.
  if (open !== null) out.push({ type: "text", value: "==" }, ...open);
  return mergeTexts(out);
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") last.value += node.value;
    else out.push(node);
  }
  return out;
}

/**
 * Key terms in the raw source of one paragraph: `==...==` outside inline code and math, with
 * the same flanking rule as `markKeyTerms`. Offsets refer to `source`.
 */
export function findKeyTermsInSource(source: string, masked: string): { start: number; end: number; inner: string }[] {
  const found: { start: number; end: number; inner: string }[] = [];
  const pattern = /(?<!=)==(?=[^\s=])([\s\S]*?[^\s=])==(?!=)/g;
  for (const match of masked.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    found.push({ start, end, inner: source.slice(start + 2, end - 2) });
  }
  return found;
}

/**
 * The markdown source of a node and the same text with its inline code and maths blanked out
 * (NULs, so offsets stay those of the source): `==`, `[src:` and sentence ends inside code or
 * maths are not what they look like.
 */
export function maskedSource(node: Nodes, markdown: string): { source: string; masked: string } {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return { source: "", masked: "" };
  const source = markdown.slice(start, end);
  let masked = source;
  walk(node, (inner) => {
    if (inner.type !== "inlineCode" && inner.type !== "inlineMath") return;
    const s = (inner.position?.start.offset ?? start) - start;
    const e = (inner.position?.end.offset ?? start) - start;
    masked = masked.slice(0, s) + "\u0000".repeat(e - s) + masked.slice(e);
  });
  return { source, masked };
}

const ABBREVIATION = /(?:\b(?:e\.g|i\.e|et al|vs|cf|approx|resp|Fig|Figs|Eq|Eqs|Sec|Tab|No)|(?:^|\s)[A-Z])\.$/;

/** Closing quotes and brackets that stay with the sentence they end (`。”`, `！）`). */
const CJK_CLOSERS = "”’」』）》】〉\"')\\]*_";
const CJK_SENTENCE_END = new RegExp(`[。！？]+[${CJK_CLOSERS}]*`, "g");

/**
 * [start, end) offsets of the sentences in a paragraph. A sentence ends at . ! or ? followed
 * by a space and a word that does not start in lowercase, unless the period closes a common
 * abbreviation or an initial ("e.g.", "et al.", "K. He"); and at Chinese 。！？ (with any closing
 * quote or bracket after it), with or without a space after. Code and math are masked already.
 */
export function sentenceBounds(masked: string): [number, number][] {
  const ends: { end: number; next: number }[] = [];
  let start = 0;
  for (const match of masked.matchAll(/[.!?]+["')\]*_]*(\s+)/g)) {
    const end = match.index + match[0].length - (match[1]?.length ?? 0);
    const next = masked[match.index + match[0].length];
    if (next === undefined || /[a-z]/.test(next)) continue;
    if (ABBREVIATION.test(masked.slice(start, end).replace(/["')\]*_]+$/, ""))) continue;
    ends.push({ end, next: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  for (const match of masked.matchAll(CJK_SENTENCE_END)) {
    const end = match.index + match[0].length;
    const next = end + (/^\s*/.exec(masked.slice(end))?.[0].length ?? 0);
    ends.push({ end, next });
  }
  ends.sort((a, b) => a.end - b.end);
  const bounds: [number, number][] = [];
  start = 0;
  for (const { end, next } of ends) {
    if (end <= start || next >= masked.length) continue;
    bounds.push([start, end]);
    start = next;
  }
  if (start < masked.length) bounds.push([start, masked.length]);
  return bounds;
}

const HAN = /[\p{Script=Han}\u3040-\u30ff\uac00-\ud7af]/gu;

/**
 * How many words a text has, for the "at least 3 words besides the key term" rule: each
 * whitespace-separated token holding an ASCII letter, digit or `_` (CJK characters aside) is a
 * word, and every two CJK characters (Chinese, Japanese kana, Hangul) count as one, rounded
 * down. Chinese words are mostly one or two characters long and written without spaces, so
 * "取而代之，键编码器是一个" (11 characters) counts 5 words, and a Chinese sentence needs at
 * least 6 characters besides its term. English text counts as it always did.
 */
export function wordCount(text: string): number {
  const cjk = text.match(HAN)?.length ?? 0;
  const latin = text
    .replace(HAN, " ")
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  return latin + Math.floor(cjk / 2);
}
