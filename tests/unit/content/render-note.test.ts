import { describe, expect, it } from "vitest";
import { parseNote, renderMarkdown, renderNote, type ParsedNote } from "@/app/lib/domain/content";
import { noteText } from "./fixtures";

function note(body: string): ParsedNote {
  const result = parseNote("content/moco.md", noteText({}, body));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${e.message}`).join("\n"));
  return result.note;
}

const htmlOf = (body: string) =>
  renderNote(note(body))
    .segments.map((s) => (s.kind === "html" ? s.html : `[${s.kind}]`))
    .join("\n");

describe("renderNote", () => {
  it("renders inline and display math with KaTeX", () => {
    const html = htmlOf("## Loss\n\nThe temperature $\\tau$ scales logits.\n\n$$\n\\mathcal{L} = -\\log p\n$$\n");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("$\\tau$");
  });

  it("renders a one-line $$...$$ paragraph as display maths, like a $$ block over several lines", () => {
    const html = htmlOf("## Loss\n\n$$\\mathcal{L} = \\sum_{i=1}^{N} x_i$$\n\nAnd $$y$$ inside a sentence stays inline.\n");
    expect(html.match(/class="katex-display"/g)).toHaveLength(1);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toMatch(/<p>And <span class="katex">/);
    expect(html).not.toContain("$$");
  });

  it("highlights fenced code with hljs classes", () => {
    const html = htmlOf("## Code\n\n```python\ndef f(x):\n    return x\n```\n");
    expect(html).toContain('class="hljs language-python"');
    expect(html).toContain('class="hljs-keyword"');
  });

  it("marks ==key terms== with <mark class=\"key-term\">, also around formatting", () => {
    const html = htmlOf("## Idea\n\nMoCo keeps a ==queue== of keys for its loss.\n\nIt uses a ==**momentum** encoder== too, as the paper says.\n\nWhile a == b stays text.\n");
    expect(html).toContain('<mark class="key-term">queue</mark>');
    expect(html).toContain('<mark class="key-term"><strong>momentum</strong> encoder</mark>');
    expect(html).toContain("While a == b stays text.");
  });

  it("never lets raw HTML or javascript: links through", () => {
    const body = '## A\n\n<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> and [link](javascript:alert(1)) and [ok](https://example.com).\n';
    const result = parseNote("content/moco.md", noteText({}, body));
    expect(result.ok).toBe(false); // the checker flags raw HTML…
    const html = renderNote({ ...note("## A\n\nplaceholder text here.\n"), body }).segments
      .map((s) => (s.kind === "html" ? s.html : ""))
      .join("");
    // …and the renderer drops it anyway.
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">ok</a>');
  });

  it("returns blocks as card, quiz and widget segments in body order", () => {
    const body = `## First

Intro text.

\`\`\`card
id: c
type: basic
front: a
back: b
\`\`\`

\`\`\`widget
name: infonce-queue
caption: Move it.
\`\`\`

## Second

\`\`\`quiz
id: q
type: truefalse
prompt: True?
answer: true
explanation: Because.
\`\`\`

Outro.
`;
    const { segments } = renderNote(note(body));
    expect(segments.map((s) => s.kind)).toEqual(["html", "card", "widget", "html", "quiz", "html"]);
    expect(segments[1]).toEqual({ kind: "card", key: "moco/c" });
    expect(segments[2]).toEqual({ kind: "widget", name: "infonce-queue", caption: "Move it." });
    expect(segments[4]).toEqual({ kind: "quiz", key: "moco/q" });
    expect(segments.map((s) => (s.kind === "html" ? s.html : "")).join("")).not.toContain("id: c");
  });

  it("gives headings the ids the parser uses as anchors, and a table of contents of ## and ###", () => {
    const body = "## The $\\tau$ `temp` ==knob==\n\ntext\n\n### Setup\n\n#### Deep\n\n## Setup\n\nmore\n";
    const parsed = note(body);
    const { toc, segments } = renderNote(parsed);
    expect(toc.map((t) => [t.depth, t.id])).toEqual([
      [2, parsed.headings[0]?.slug],
      [3, "setup"],
      [2, "setup-1"],
    ]);
    const html = segments.map((s) => (s.kind === "html" ? s.html : "")).join("");
    for (const h of parsed.headings) expect(html).toContain(`id="${h.slug}"`);
    expect(toc[0]?.html).toContain("katex");
  });
});

describe("renderMarkdown", () => {
  it("renders a one-line $$...$$ card side or explanation as display maths", () => {
    expect(renderMarkdown("$$\\theta_k \\leftarrow m\\,\\theta_k + (1-m)\\,\\theta_q$$")).toContain('class="katex-display"');
    expect(renderMarkdown("Update:\n\n$$a = b$$\n\nwith m close to 1.")).toMatch(/<p>Update:<\/p>\n<span class="katex-display">/);
  });

  it("renders a card side with math and key terms", () => {
    const html = renderMarkdown("MoCo uses m = ==0.999== and $\\tau$.");
    expect(html).toContain('<mark class="key-term">0.999</mark>');
    expect(html).toContain('class="katex"');
  });
});
