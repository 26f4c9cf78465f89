import { describe, expect, it } from "vitest";
import { splitBody } from "@/app/lib/domain/content/body-sections";
import { renderNote } from "@/app/lib/domain/content/render-note";
import { parseNote } from "@/app/lib/domain/content/parse-note";
import { renderLivePreview } from "@/app/ui/own-notes/preview";
import { ownNoteText } from "../../integration/notes/own-note-fixture";

const body = [
  "## Idea",
  "",
  "First paragraph with $x$.",
  "",
  "- item one",
  "",
  "  continued item",
  "- item two",
  "",
  "```python",
  "a = 1",
  "",
  "b = 2",
  "```",
  "",
  "$$",
  "a",
  "",
  "b",
  "$$",
  "",
  "```card",
  "id: c",
  "type: basic",
  "front: F",
  "back: B",
  "```",
  "Right after the card.",
  "",
  "```quiz",
  "id: q",
].join("\n");

describe("cutting a note body into preview sections", () => {
  it("cuts at paragraphs and around blocks, never inside code, maths or a list item's continuation", () => {
    expect(splitBody(body).map((s) => [s.kind, s.text.split("\n")[0]])).toEqual([
      ["markdown", "## Idea"],
      ["markdown", "First paragraph with $x$."],
      ["markdown", "- item one"],
      ["markdown", "```python"],
      ["markdown", "$$"],
      ["card", "```card"],
      ["markdown", "Right after the card."],
      ["quiz", "```quiz"],
    ]);
    const sections = splitBody(body);
    expect(sections[2]?.text).toContain("continued item");
    expect(sections[3]?.text).toBe("```python\na = 1\n\nb = 2\n```");
    expect(sections[5]).toMatchObject({ kind: "card", body: "id: c\ntype: basic\nfront: F\nback: B" });
    expect(sections[7]).toMatchObject({ kind: "quiz", body: "id: q" });
  });

  it("loses no text: the sections hold every non-blank line of the body, in order", () => {
    const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
    expect(splitBody(body).flatMap((s) => lines(s.text))).toEqual(lines(body));
  });
});

describe("the live preview", () => {
  it("renders a valid note's body as the note page's renderer does (its html, card and quiz segments)", () => {
    const text = ownNoteText("livepreview");
    const parsed = parseNote("content/my-live.md", text);
    if (!parsed.ok) throw new Error("fixture does not parse");
    const page = renderNote(parsed.note, { untrusted: true });
    const live = renderLivePreview(text);
    expect(live.title).toBe("Notes on livepreview");
    // Sections are separate html segments (each updated alone); merged, they are the page's.
    const kinds = (segments: { kind: string }[]) => segments.map((s) => s.kind).filter((k, i, all) => !(k === "html" && all[i - 1] === "html"));
    expect(kinds(live.segments)).toEqual(kinds(page.segments));
    const html = (segments: { kind: string; html?: string }[]) => segments.filter((s) => s.kind === "html").map((s) => s.html).join("");
    expect(html(live.segments).replace(/\s+/g, "")).toBe(html(page.segments).replace(/\s+/g, ""));
  });

  it("keeps the sanitiser on every section, blocks included", () => {
    const text = ownNoteText("hostile")
      .replace("## Idea", "## Idea\n\n<img src=x onerror=alert(1)> [link](javascript:alert(1))")
      .replace("back: A trick called hostile.", 'back: "<script>alert(1)</script> [x](javascript:alert(2))"');
    const all = JSON.stringify(renderLivePreview(text).segments);
    expect(all).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("renders only the section a keystroke changed (the others come back as the same strings)", () => {
    const text = ownNoteText("incremental");
    const before = renderLivePreview(text).segments;
    const after = renderLivePreview(text.replace("outside the corpus.", "outside the corpus!")).segments;
    expect(after.map((s) => s.key).filter((k) => !before.some((b) => b.key === k))).toHaveLength(1);
    // Unchanged sections keep their key, so React leaves their DOM alone.
    expect(after.filter((s) => before.some((b) => b.key === s.key)).length).toBe(before.length - 1);
  });

  it("shows a half-written card as the form reads it, and a cloze card with its blanks", () => {
    const live = renderLivePreview("## A\n\n```card\nid: c\ntype: cloze\ntext: MoCo uses m = {{0.999}}.\n```\n\n```card\nid: d\ntype: basic\nfront: Only a front");
    expect(live.segments).toMatchObject([{ kind: "html" }, { kind: "card", type: "cloze" }, { kind: "card", type: "basic" }]);
    const cloze = live.segments[1];
    expect(cloze?.kind === "card" && cloze.frontHtml).toContain("[...]");
    expect(cloze?.kind === "card" && cloze.backHtml).toContain("0.999");
  });
});
