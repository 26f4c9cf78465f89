/**
 * A note body cut into the pieces the editor's preview renders one by one (issue 17): each
 * top-level card, quiz or widget block, and the markdown between them cut at blank lines that
 * end a paragraph (never inside a code fence or a `$$` block, nor before an indented line that
 * continues a list item). A keystroke changes one piece, so the preview renders that piece
 * again and reuses the HTML of every other one: typing stays fast in a long note.
 *
 * Cutting at paragraphs is exact for CommonMark except for what spans paragraphs: a loose
 * list renders as several lists and a reference link's definition only reaches its own piece.
 * The note page renders the whole body at once, so this is a preview-only approximation.
 */

export type BodySection =
  | { kind: "markdown"; text: string }
  | { kind: "card" | "quiz" | "widget"; text: string; body: string };

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;

export function splitBody(body: string): BodySection[] {
  const out: BodySection[] = [];
  const lines = body.split("\n");
  let run: string[] = [];
  const flush = () => {
    const text = run.join("\n").trim();
    if (text !== "") out.push({ kind: "markdown", text });
    run = [];
  };
  let fence: string | null = null; // the marker of an open code fence inside markdown
  let math = false; // inside a `$$` block
  let blank = false; // the previous line was blank (outside fences and maths)

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fence !== null) {
      run.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = null;
      continue;
    }
    if (math) {
      run.push(line);
      if (line.trim().endsWith("$$")) math = false;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      const lang = open[2] ?? "";
      if (lang === "card" || lang === "quiz" || lang === "widget") {
        // A block is its own piece: up to its closing fence (or the end of an unclosed one).
        flush();
        const marker = open[1] ?? "```";
        const inner: string[] = [];
        let j = i + 1;
        while (j < lines.length && !((lines[j] ?? "").trim().startsWith(marker) && (lines[j] ?? "").trim().replace(/[`~]/g, "") === "")) inner.push(lines[j++] ?? "");
        const closed = j < lines.length;
        out.push({ kind: lang, text: lines.slice(i, closed ? j + 1 : j).join("\n"), body: inner.join("\n") });
        i = j;
        blank = false;
        continue;
      }
      if (blank) flush();
      fence = open[1] ?? "```";
      run.push(line);
      blank = false;
      continue;
    }
    if (line.trim() === "") {
      blank = true;
      run.push(line);
      continue;
    }
    // A new paragraph starts a new piece, unless it is indented (it continues a list item).
    if (blank && !/^\s/.test(line)) flush();
    blank = false;
    run.push(line);
    const trimmed = line.trim();
    if (trimmed.startsWith("$$") && (trimmed === "$$" || !trimmed.slice(2).includes("$$"))) math = true;
  }
  flush();
  return out;
}
