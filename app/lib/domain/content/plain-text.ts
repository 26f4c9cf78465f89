/**
 * A note's markdown as the plain text a search snippet shows: no `## `, `**`, `==`, link
 * targets or `[src: …]` markers; each block (heading, paragraph, list item, table cell) ends
 * as a sentence, so that a heading and the paragraph after it do not run together.
 */
import type { Nodes } from "mdast";
import { parseMarkdown } from "./markdown";

const BLOCKS = new Set(["heading", "paragraph", "listItem", "tableCell", "code", "blockquote"]);
/** Dropped: display maths and raw HTML read as noise in a snippet; images and definitions have no prose. */
const SKIPPED = new Set(["math", "html", "image", "imageReference", "definition", "footnoteDefinition", "thematicBreak"]);

export function markdownToPlainText(markdown: string): string {
  const blocks: string[] = [];
  let current = "";
  const endBlock = () => {
    const text = current
      .replace(/\s*\[src:[^\]]*\]/g, "")
      .replace(/==/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (text) blocks.push(/[.!?:;…。！？：；]$/u.test(text) ? text : `${text}.`);
    current = "";
  };
  const visit = (node: Nodes) => {
    if (SKIPPED.has(node.type)) return;
    const block = BLOCKS.has(node.type);
    if (block) endBlock();
    if (node.type === "text" || node.type === "inlineCode" || node.type === "inlineMath" || node.type === "code") {
      current += node.value;
    } else if (node.type === "break") {
      current += " ";
    } else if ("children" in node) {
      for (const child of node.children) visit(child);
    }
    if (block) endBlock();
  };
  visit(parseMarkdown(markdown));
  endBlock();
  return blocks.join("\n");
}
