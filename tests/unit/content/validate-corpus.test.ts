import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/app/lib/domain/content";
import { lineOf, noteText, paperFile } from "./fixtures";

describe("loadCorpus cross-file checks", () => {
  it("loads a valid corpus without errors", () => {
    const corpus = loadCorpus([paperFile("a"), paperFile("b", { prerequisites: ["a"] })]);
    expect(corpus.errors).toEqual([]);
    expect(corpus.notes.map((n) => n.slug)).toEqual(["a", "b"]);
  });

  it("reports an unknown prerequisite at its line, suggesting a close slug", () => {
    const b = paperFile("b", { prerequisites: ["alpha-net"] });
    const corpus = loadCorpus([paperFile("alpha-nets"), b]);
    expect(corpus.errors).toEqual([
      {
        file: "content/b.md",
        line: lineOf(b.text, "prerequisites:"),
        message: "unknown prerequisite `alpha-net`: there is no alpha-net.md (did you mean `alpha-nets`?)",
      },
    ]);
  });

  it("does not call a prerequisite unknown when its file exists but has errors", () => {
    const broken = { path: "content/a.md", text: noteText({ year: undefined }) };
    const corpus = loadCorpus([broken, paperFile("b", { prerequisites: ["a"] })]);
    expect(corpus.errors.map((e) => e.file)).toEqual(["content/a.md"]);
  });

  it("names the cycle formed by prerequisites", () => {
    const files = [paperFile("a", { prerequisites: ["c"] }), paperFile("b", { prerequisites: ["a"] }), paperFile("c", { prerequisites: ["b"] })];
    const corpus = loadCorpus(files);
    expect(corpus.errors).toEqual([
      { file: "content/a.md", line: lineOf(files[0]?.text ?? "", "prerequisites:"), message: "prerequisites form a cycle: a → c → b → a" },
    ]);
  });

  it("reports a note listing itself as a prerequisite", () => {
    const corpus = loadCorpus([paperFile("a", { prerequisites: ["a"] })]);
    expect(corpus.errors.map((e) => e.message)).toEqual(["a note cannot be its own prerequisite"]);
  });

  it("reports a file name that is not a slug and two files with the same slug", () => {
    const a = paperFile("a");
    const corpus = loadCorpus([
      { path: "content/My_Note.md", text: a.text },
      a,
      { path: "content/old/a.md", text: a.text },
    ]);
    expect(corpus.errors).toEqual([
      { file: "content/My_Note.md", line: 1, message: expect.stringContaining("the file name must be the note's slug") as string },
      { file: "content/old/a.md", line: 1, message: "slug `a` is already used by content/a.md" },
    ]);
  });

  it("reports a duplicate id at the second id line, across cards and questions", () => {
    const body = `## A

Some text that is long enough to read.

\`\`\`card
id: same
type: basic
front: a
back: b
\`\`\`

\`\`\`quiz
id: same
type: truefalse
prompt: True?
answer: true
explanation: Because.
\`\`\`
`;
    const file = { path: "content/a.md", text: noteText({}, body) };
    const corpus = loadCorpus([file]);
    expect(corpus.errors).toEqual([
      { file: "content/a.md", line: lineOf(file.text, "id: same", "```quiz"), message: expect.stringContaining("duplicate id `same`: already used on line") as string },
    ]);
  });

  it("reports an id that clashes with the -rev side of a reverse card", () => {
    const body = "## A\n\n```card\nid: pair\ntype: reverse\nfront: a\nback: b\n```\n\n```card\nid: pair-rev\ntype: basic\nfront: c\nback: d\n```\n";
    const file = { path: "content/a.md", text: noteText({}, body) };
    const [error] = loadCorpus([file]).errors;
    expect(error).toMatchObject({ line: lineOf(file.text, "id: pair-rev"), message: expect.stringContaining("second side of the reverse card") as string });
  });

  it("reports a key term marked twice, since both would derive the same card id", () => {
    const body = "## A\n\nMoCo keeps a ==queue== of keys for the loss.\n\nLater the ==queue== drops the oldest batch of keys.\n";
    const file = { path: "content/a.md", text: noteText({}, body) };
    const errors = loadCorpus([file]).errors;
    expect(errors).toEqual([
      { file: "content/a.md", line: lineOf(file.text, "Later the"), message: expect.stringContaining("`d-cloze-queue`") as string },
    ]);
  });

  it("reports a quiz cards: reference to a card missing from the note at its line", () => {
    const body = "## A\n\n```card\nid: queue-size\ntype: basic\nfront: a\nback: b\n```\n\n```quiz\nid: q\ntype: truefalse\nprompt: True?\nanswer: true\nexplanation: Because.\ncards:\n  - queue-size\n  - queue-sise\n```\n";
    const file = { path: "content/a.md", text: noteText({}, body) };
    expect(loadCorpus([file]).errors).toEqual([
      { file: "content/a.md", line: lineOf(file.text, "- queue-sise"), message: "cards: there is no card `queue-sise` in this note (did you mean `queue-size`?)" },
    ]);
  });

  it("lets a question reference the -rev side and a derived cloze card", () => {
    const body = "## A\n\nMoCo keeps its negatives in a ==queue== of keys.\n\n```card\nid: pair\ntype: reverse\nfront: a\nback: b\n```\n\n```quiz\nid: q\ntype: truefalse\nprompt: True?\nanswer: true\nexplanation: Because.\ncards: [pair-rev, d-cloze-queue]\n```\n";
    expect(loadCorpus([{ path: "content/a.md", text: noteText({}, body) }]).errors).toEqual([]);
  });

  it("reports a tag that is another tag spelled differently, at the tags line, naming the one to use", () => {
    const file = (slug: string, tags: string[]) => ({ path: `content/${slug}.md`, text: noteText({ short: slug.toUpperCase(), tags }) });
    const files = [
      file("a", ["transformer", "vision-language"]),
      file("b", ["transformer", "vision-language"]),
      file("c", ["transformers", "vision-and-language"]),
    ];
    const corpus = loadCorpus(files);
    expect(corpus.errors).toEqual([
      {
        file: "content/c.md",
        line: lineOf(files[2]?.text ?? "", "tags:"),
        message: "tag `transformers` is `transformer` spelled another way (2 note(s) use `transformer`): use `transformer`, so the library lists one tag",
      },
      {
        file: "content/c.md",
        line: lineOf(files[2]?.text ?? "", "tags:"),
        message:
          "tag `vision-and-language` is `vision-language` spelled another way (2 note(s) use `vision-language`): use `vision-language`, so the library lists one tag",
      },
    ]);
  });

  it("returns the errors of all files sorted by file and line", () => {
    const files = [
      { path: "content/z.md", text: noteText({ year: undefined }) },
      paperFile("b", { prerequisites: ["nope"] }),
      { path: "content/a.md", text: noteText({ colour: "red", year: undefined }) },
    ];
    const errors = loadCorpus(files).errors;
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual([
      "content/a.md:1",
      `content/a.md:${lineOf(files[2]?.text ?? "", "colour:")}`,
      `content/b.md:${lineOf(files[1]?.text ?? "", "prerequisites:")}`,
      "content/z.md:1",
    ]);
  });
});
