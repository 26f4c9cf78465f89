/** Small text helpers the note parser, the source markers and the source lookup share. */

/** Runs of whitespace as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** How many lines `text` spans beyond its first (its "\n" count). */
export function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === "\n") n++;
  return n;
}
