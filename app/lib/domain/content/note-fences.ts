/**
 * Whether a fenced block or a $$ math block the markdown parser found is closed: remark runs
 * an unclosed one to the end of the document, so the parse alone cannot tell.
 */
import type { Nodes } from "mdast";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** remark runs an unclosed fence to the end of the document; the last line tells us which it was. */
export function fenceIsClosed(node: Nodes, bodyLines: string[]): boolean {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined || end === start) return false;
  const open = FENCE.exec(bodyLines[start - 1] ?? "")?.[1];
  if (open === undefined) return true; // an indented code block: nothing to close
  const last = (bodyLines[end - 1] ?? "").trim();
  return last.length >= open.length && [...last].every((c) => c === open[0]);
}

export function mathIsClosed(node: Nodes, bodyLines: string[]): boolean {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined) return false;
  const last = (bodyLines[end - 1] ?? "").trim();
  if (end === start) return (last.match(/\$\$/g) ?? []).length >= 2;
  return last.endsWith("$$");
}
