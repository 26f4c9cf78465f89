/**
 * The one markdown reading shared by parse-note and render-note, so that what the checker
 * sees (headings, blocks, key terms) is what the page renders.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
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
  walk(tree, (node) => {
    switch (node.type) {
      case "paragraph":
      case "heading":
      case "tableCell":
      case "emphasis":
      case "strong":
      case "delete":
      case "link":
      case "linkReference":
        if (node.children.some((c) => c.type === "text" && c.value.includes("=="))) {
          node.children = markInPhrasing(node.children);
        }
    }
  });
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
