/**
 * Card sides (markdown with `$` maths, `==key terms==` and `[src: …]` markers) as Anki field
 * HTML, and our cloze cards as Anki clozes. Shared by the text export and the `.apkg` package.
 *
 * - Markdown is rendered by the same reader as the note page (CommonMark + GFM + maths), so
 *   lists, emphasis, code and tables come out as HTML Anki shows; raw HTML in the markdown is
 *   dropped, as on the page.
 * - Maths is left for Anki's MathJax: `$…$` becomes `\(…\)`, `$$…$$` becomes `\[…\]`.
 * - A key term becomes `<b>term</b>`; a source marker `[src: §3.3]` a small `<sup>[§3.3]</sup>`.
 * - Relative links (`/papers/moco`) are made absolute with `origin` when one is given, else
 *   they keep only their text: Anki has no page to resolve them against.
 * - A cloze card's deletions become `{{c1::…}}`, all with number 1: our card hides every
 *   deletion at once, and one Anki cloze number is one Anki card, so one of our cards stays
 *   one Anki card.
 */
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import type { Element, ElementContent, RootContent as HastRootContent } from "hast";
import type { Nodes, PhrasingContent, Root } from "mdast";
import { CLOZE_BLANK } from "../content/cloze";
import { markKeyTerms, markSources, parseMarkdown } from "../content/markdown";

export interface AnkiHtmlOptions {
  /** The site's origin (`https://paperdeck.example`), to make relative links absolute. */
  origin?: string;
}

const toHast = unified().use(remarkRehype).freeze();
const stringifier = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: true } }).freeze();

/** Private-use characters that stand for a cloze deletion's braces while markdown is rendered. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** One card side (markdown) as one Anki field (HTML on one line: no tab, no newline). */
export function ankiHtml(markdown: string, options: AnkiHtmlOptions = {}): string {
  const tree = parseMarkdown(markdown.replace(/[\uE000\uE001]/g, ""));
  return render(tree, markdown, options);
}

/**
 * A cloze text (our `{{deletion}}` syntax) as the Text field of an Anki Cloze note: every
 * deletion `{{c1::…}}`. Inside a deletion `::` would start a hint and `}}` would close it
 * early, so they are written `:&#58;` and `} }` (what Anki's manual advises for maths).
 */
export function ankiClozeHtml(clozeText: string, options: AnkiHtmlOptions = {}): string {
  const marked = clozeText
    .replace(/[\uE000\uE001]/g, "")
    .replace(/\{\{([\s\S]*?)\}\}/g, (_all, inner: string) => `${OPEN}${inner}${CLOSE}`);
  const html = render(parseMarkdown(marked), marked, options);
  return html.replace(/\uE000([\s\S]*?)\uE001/g, (_all, inner: string) => {
    let safe = inner.replace(/::/g, ":&#58;").replace(/\}\}/g, "} }");
    if (safe.endsWith("}")) safe += " ";
    return `{{c1::${safe}}}`;
  });
}

/**
 * The cloze text a card was built from, given its two sides as stored: the front has each
 * deletion as `[...]`, the back has it as `==deletion==` (see `clozeFront`/`clozeBack`). The
 * front's pieces between blanks are literal, so the back is read piece by piece. When the two
 * do not line up (a hand-edited row), every `==marked==` span of the back is taken as a deletion.
 */
export function clozeTextOf(front: string, back: string): string {
  return alignCloze(front.split(CLOZE_BLANK), back) ?? back.replace(/(?<!=)==(?=[^\s=])([\s\S]*?[^\s=])==(?!=)/g, "{{$1}}");
}

function alignCloze(pieces: string[], back: string): string | null {
  if (pieces.length < 2) return null;
  const first = pieces[0] ?? "";
  if (!back.startsWith(first)) return null;
  let out = first;
  let at = first.length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? "";
    if (!back.startsWith("==", at)) return null;
    const start = at + 2;
    let end: number;
    if (i === pieces.length - 1) {
      end = back.length - piece.length - 2;
      if (end <= start || !back.endsWith(piece) || back.slice(end, end + 2) !== "==") return null;
    } else {
      end = back.indexOf(`==${piece}`, start + 1);
      if (end === -1) return null;
    }
    out += `{{${back.slice(start, end)}}}${piece}`;
    at = end + 2 + piece.length;
  }
  return at === back.length ? out : null;
}

function render(tree: Root, source: string, options: AnkiHtmlOptions): string {
  markKeyTerms(tree);
  markSources(tree);
  mathForMathJax(tree, source);
  const hast = toHast.runSync(tree);
  hast.children = cleanChildren(hast.children, options);
  // One paragraph needs no <p> (Anki would add its margins around a one-line answer).
  const only = hast.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  if (only.length === 1 && only[0]?.type === "element" && only[0].tagName === "p") hast.children = only[0].children;
  return oneLine(stringifier.stringify(hast));
}

/** `$…$` and `$$…$$` as the text MathJax reads in Anki: `\(…\)` and `\[…\]`. */
function mathForMathJax(tree: Root, source: string): void {
  const visit = (node: Nodes) => {
    if (!("children" in node)) return;
    const parent = node;
    parent.children = parent.children.map((child) => {
      if (child.type === "inlineMath") {
        const raw = source.slice(child.position?.start.offset ?? 0, child.position?.end.offset ?? 0);
        const display = raw.startsWith("$$") && raw.endsWith("$$");
        return { type: "text", value: display ? `\\[${child.value}\\]` : `\\(${child.value}\\)` } satisfies PhrasingContent;
      }
      if (child.type === "math") {
        return { type: "paragraph", children: [{ type: "text", value: `\\[${child.value}\\]` }] };
      }
      visit(child);
      return child;
    });
  };
  visit(tree);
}

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Key terms as <b>, source markers as <sup>[…]</sup>, links made absolute or dropped, no classes. */
function cleanChildren(children: (ElementContent | HastRootContent)[], options: AnkiHtmlOptions): (ElementContent | HastRootContent)[] {
  const out: (ElementContent | HastRootContent)[] = [];
  for (const child of children) {
    if (child.type !== "element") {
      out.push(child);
      continue;
    }
    const classes = classList(child);
    if (child.tagName === "span" && classes.includes("source-label")) continue;
    child.children = cleanChildren(child.children, options) as ElementContent[];
    if (child.tagName === "mark" && classes.includes("key-term")) {
      out.push({ type: "element", tagName: "b", properties: {}, children: child.children });
      continue;
    }
    if (child.tagName === "sup" && classes.includes("source-ref")) {
      out.push({
        type: "element",
        tagName: "sup",
        properties: {},
        children: [{ type: "text", value: "[" }, ...child.children, { type: "text", value: "]" }],
      });
      continue;
    }
    if (child.tagName === "a") {
      const href = absoluteHref(child, options);
      if (href === null) {
        out.push(...child.children);
        continue;
      }
      child.properties = { href };
    } else if (child.tagName === "img") {
      // Anki would look for the image in its media folder: keep the description only.
      const alt = child.properties.alt;
      if (typeof alt === "string" && alt !== "") out.push({ type: "text", value: alt });
      continue;
    } else {
      delete child.properties.className;
    }
    out.push(child);
  }
  return out;
}

function classList(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function absoluteHref(link: Element, options: AnkiHtmlOptions): string | null {
  const href = link.properties.href;
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (SAFE_URL.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || !options.origin) return null;
  try {
    const url = new URL(trimmed, options.origin);
    return url.origin === new URL(options.origin).origin ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The HTML on one line: newlines inside <pre> become <br> (Anki shows them), others a space
 * (between blocks they mean nothing; inside a paragraph they are soft line breaks); tabs a space.
 */
function oneLine(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, (pre) => pre.replace(/\r?\n(?=<\/code><\/pre>$)/, "").replace(/\r?\n/g, "<br>"))
    .replace(/\r?\n/g, " ")
    .replace(/\t/g, " ")
    .trim();
}
