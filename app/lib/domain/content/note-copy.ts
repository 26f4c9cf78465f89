/**
 * "Make my own copy" of a corpus note (issue 17): the note's markdown with its title marked as
 * a copy, everything else as the corpus wrote it (so the copy checks, renders and studies as the
 * original does). Pure: the caller reads the file and chooses the wording of the mark.
 */
import { parse } from "yaml";

export class NoteCopyError extends Error {
  override name = "NoteCopyError";
}

/**
 * `source` with its front matter's `title:` line replaced by `markTitle(title)`, written as a
 * double-quoted YAML scalar (JSON's string syntax is a subset of it). Only that line changes:
 * the body's line numbers, and so every error a later edit reports, stay those of the original.
 */
export function markCopyTitle(source: string, markTitle: (title: string) => string): string {
  const lines = source.split("\n");
  if (lines[0]?.trimEnd() !== "---") throw new NoteCopyError("the note has no front matter");
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  if (close < 0) throw new NoteCopyError("the note's front matter is never closed");
  const frontMatter: unknown = parse(lines.slice(1, close).join("\n"));
  const title = frontMatter && typeof frontMatter === "object" && "title" in frontMatter ? frontMatter.title : undefined;
  if (typeof title !== "string") throw new NoteCopyError("the note's front matter has no title");
  const at = lines.findIndex((line, i) => i > 0 && i < close && /^title\s*:/.test(line));
  // A title folded over several lines would leave its continuation behind: refuse rather than corrupt.
  if (at < 0 || /^\s/.test(lines[at + 1] ?? "")) throw new NoteCopyError("the note's title is not on one line");
  lines[at] = `title: ${JSON.stringify(markTitle(title))}`;
  return lines.join("\n");
}
