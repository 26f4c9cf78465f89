import { describe, expect, it } from "vitest";
import { OWN_SORT_BASE, checkOwnNote, ownSortKeys } from "@/app/lib/domain/content/own-note";
import { termHashSlug } from "@/app/lib/domain/content/parse-note";
import { renderPreview } from "@/app/ui/own-notes/preview";
import { NEW_NOTE_TEMPLATE, NEW_NOTE_TEMPLATE_ZH, newNoteTemplate } from "@/app/ui/own-notes/note-template";
import { ownNoteText } from "../../integration/notes/own-note-fixture";

const context = (known: string[] = [], own: [string, string[]][] = []) => ({ knownSlugs: new Set(known), ownPrerequisites: new Map(own) });

describe("checking one's own note", () => {
  it("accepts a valid note with its authored card, question and the key term's cloze card", () => {
    const check = checkOwnNote("my-a", ownNoteText("alpha"), context());
    expect(check.errors).toEqual([]);
    expect(check.cards.map((c) => c.derived)).toEqual([false, true]);
    expect(check.questions).toHaveLength(1);
  });

  it("names an unknown prerequisite and suggests the closest slug the author can see", () => {
    const check = checkOwnNote("my-a", ownNoteText("alpha", { prerequisites: ["mocco"] }), context(["moco", "clip"]));
    expect(check.note).toBeNull();
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]?.line).toBe(8);
    expect(check.errors[0]?.message).toContain("did you mean `moco`");
  });

  it("refuses a prerequisite that already needs this note (a cycle through the author's notes)", () => {
    const check = checkOwnNote("my-a", ownNoteText("alpha", { prerequisites: ["my-b"] }), context(["my-b", "my-c"], [["my-b", ["my-c"]], ["my-c", ["my-a"]]]));
    expect(check.errors[0]?.message).toMatch(/already needs this note/);
  });

  it("lists every error at once, in line order", () => {
    const text = ownNoteText("alpha").replace("area: concepts", "area: nowhere").replace("type: single", "type: lottery");
    const check = checkOwnNote("my-a", text, context());
    expect(check.errors.length).toBeGreaterThanOrEqual(2);
    expect(check.errors.map((e) => e.line)).toEqual([...check.errors.map((e) => e.line)].sort((a, b) => a - b));
  });
});

describe("the new-note template", () => {
  it("is a valid note in both interface languages, with the same card and question ids", () => {
    const en = checkOwnNote("my-new-note", NEW_NOTE_TEMPLATE, context());
    const zh = checkOwnNote("my-new-note", NEW_NOTE_TEMPLATE_ZH, context());
    expect(en.errors).toEqual([]);
    expect(zh.errors).toEqual([]);
    expect(zh.cards.map((c) => c.derived)).toEqual(en.cards.map((c) => c.derived));
    expect(zh.questions).toHaveLength(en.questions.length);
    expect(newNoteTemplate("zh-CN")).toBe(NEW_NOTE_TEMPLATE_ZH);
    expect(newNoteTemplate("en")).toBe(NEW_NOTE_TEMPLATE);
  });
});

describe("key terms with no Latin letter", () => {
  it("are named by the FNV-1a hash of their text (published test vectors)", () => {
    expect(termHashSlug("")).toBe("term-811c9dc5");
    expect(termHashSlug("a")).toBe("term-e40c292c");
    expect(termHashSlug("foobar")).toBe("term-bf9cf968");
  });

  it("make a cloze card in a note written in Chinese, with the same id on every check", () => {
    const zh = checkOwnNote("my-new-note", NEW_NOTE_TEMPLATE_ZH, context());
    const cloze = zh.cards.filter((c) => c.derived);
    expect(cloze).toHaveLength(1);
    expect(cloze[0]?.id).toContain(termHashSlug("关键术语"));
    expect(checkOwnNote("my-new-note", NEW_NOTE_TEMPLATE_ZH, context()).cards.map((c) => c.id)).toEqual(zh.cards.map((c) => c.id));
  });
});

describe("ordering one's own notes", () => {
  it("puts every own note after the corpus and after its own prerequisites", () => {
    const keys = ownSortKeys([
      { slug: "my-c", prerequisites: ["my-b"] },
      { slug: "my-b", prerequisites: ["my-a", "moco"] },
      { slug: "my-a", prerequisites: [] },
    ]);
    const a = keys.get("my-a") ?? 0;
    const b = keys.get("my-b") ?? 0;
    const c = keys.get("my-c") ?? 0;
    expect(a).toBeGreaterThanOrEqual(OWN_SORT_BASE);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });

  it("still orders notes caught in a cycle (a draft's) without looping", () => {
    const keys = ownSortKeys([
      { slug: "my-a", prerequisites: ["my-b"] },
      { slug: "my-b", prerequisites: ["my-a"] },
    ]);
    expect(keys.size).toBe(2);
  });
});

describe("the editor's preview", () => {
  it("renders a valid note with its card and question, the same twice (cached item HTML)", () => {
    const first = renderPreview("my-a", ownNoteText("alpha"), context());
    const second = renderPreview("my-a", ownNoteText("alpha"), context());
    expect(first.errors).toEqual([]);
    expect(first.segments.map((s) => s.kind)).toEqual(expect.arrayContaining(["html", "card", "quiz"]));
    expect(second).toEqual(first);
  });

  it("still shows the body of a note with errors, with every error", () => {
    const preview = renderPreview("my-a", ownNoteText("alpha").replace("area: concepts", "area: nowhere"), context());
    expect(preview.errors.length).toBeGreaterThan(0);
    expect(preview.segments[0]).toMatchObject({ kind: "html" });
    expect(preview.segments.map((s) => (s.kind === "html" ? s.html : "")).join("")).toContain("alpha trick");
  });
});
