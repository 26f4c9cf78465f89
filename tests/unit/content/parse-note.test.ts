import { describe, expect, it } from "vitest";
import { parseNote } from "@/app/lib/domain/content";
import type { ContentError, ParsedNote } from "@/app/lib/domain/content";
import { DEFAULT_BODY, lineOf, noteText } from "./fixtures";

const FILE = "content/moco.md";

function parsed(text: string): ParsedNote {
  const result = parseNote(FILE, text);
  if (!result.ok) throw new Error(`expected no errors, got:\n${result.errors.map((e) => `${e.line}: ${e.message}`).join("\n")}`);
  return result.note;
}

function errorsOf(text: string): ContentError[] {
  const result = parseNote(FILE, text);
  if (result.ok) throw new Error("expected errors, the note parsed");
  return result.errors;
}

/** The single error expected, checked for its line and a fragment of its message. */
function expectError(text: string, line: number, fragment: string | RegExp) {
  const errors = errorsOf(text);
  const match = errors.find((e) => (typeof fragment === "string" ? e.message.includes(fragment) : fragment.test(e.message)));
  expect(match, `no error matching ${String(fragment)} in ${JSON.stringify(errors, null, 1)}`).toBeDefined();
  expect(match?.line).toBe(line);
  expect(match?.file).toBe(FILE);
}

const withBlock = (lang: string, yaml: string, before = "## Section\n\nSome prose here.\n") =>
  noteText({}, `${before}\n\`\`\`${lang}\n${yaml.trim()}\n\`\`\`\n`);

describe("parseNote on a valid note", () => {
  it("reads the front matter, headings, key terms and cards with their anchors and lines", () => {
    const text = noteText();
    const note = parsed(text);
    expect(note.slug).toBe("moco");
    expect(note.meta.kind).toBe("paper");
    expect(note.headings).toEqual([{ depth: 2, text: "Idea", slug: "idea", line: lineOf(text, "## Idea") }]);
    expect(note.keyTerms).toEqual([
      {
        term: "queue",
        slug: "queue",
        sentence: "MoCo keeps its negatives in a ==queue== of keys that is refreshed every step.",
        line: lineOf(text, "==queue=="),
        anchor: "idea",
        sources: [],
      },
    ]);
    const [card] = note.cards;
    expect(card).toMatchObject({
      key: "moco/queue-size",
      id: "queue-size",
      type: "basic",
      front: "How many keys does MoCo keep?",
      back: "65536", // YAML read a number; the author meant the text
      anchor: "idea",
      line: lineOf(text, "```card"),
      idLine: lineOf(text, "id: queue-size"),
      derived: false,
    });
    expect(card?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(note.blocks).toEqual([{ kind: "card", line: lineOf(text, "```card"), key: "moco/queue-size" }]);
  });

  it("accepts a concept without year, venue, link, authors or introduces", () => {
    const note = parsed(
      noteText({ kind: "concept", year: undefined, venue: undefined, link: undefined, authors: undefined, introduces: undefined, area: "concepts" }),
    );
    expect(note.meta).toMatchObject({ kind: "concept", authors: [], introduces: [] });
  });

  it("turns a reverse card into the card and its -rev side", () => {
    const note = parsed(withBlock("card", "id: pair\ntype: reverse\nfront: MoCo\nback: Momentum contrast"));
    expect(note.cards.map((c) => [c.key, c.front, c.back, c.reverseOf])).toEqual([
      ["moco/pair", "MoCo", "Momentum contrast", null],
      ["moco/pair-rev", "Momentum contrast", "MoCo", "moco/pair"],
    ]);
  });

  it("gives a cloze card a front with blanks and a back with the deletions", () => {
    const note = parsed(withBlock("card", 'id: m\ntype: cloze\ntext: "MoCo uses m = {{0.999}} and K = {{65536}}."'));
    expect(note.cards[0]).toMatchObject({
      front: "MoCo uses m = [...] and K = [...].",
      back: "MoCo uses m = ==0.999== and K = ==65536==.",
      cloze: { text: "MoCo uses m = {{0.999}} and K = {{65536}}.", deletions: ["0.999", "65536"] },
    });
  });

  it("keeps the answer out of a question's payload and shuffles ordering items the same way every time", () => {
    const text = withBlock(
      "quiz",
      "id: steps\ntype: ordering\nprompt: Order the steps.\nitems: [encode, compare, enqueue, dequeue]\nexplanation: That is the loop.",
    );
    const [q] = parsed(text).questions;
    expect(q?.answer).toEqual({ type: "ordering", items: ["encode", "compare", "enqueue", "dequeue"] });
    const shown = q?.payload.type === "ordering" ? q.payload.items : [];
    expect([...shown].sort()).toEqual(["compare", "dequeue", "encode", "enqueue"]);
    expect(shown).not.toEqual(["encode", "compare", "enqueue", "dequeue"]);
    expect(parsed(text).questions[0]?.payload).toEqual(q?.payload);
  });

  it("keeps a partial order's pairs in the answer and its hash, and never stores a solved shuffle", () => {
    const yaml = "id: steps\ntype: ordering\nprompt: Order the steps.\nitems: [encode query, encode key, compare, enqueue]\nexplanation: Both encodings come first.";
    const total = parsed(withBlock("quiz", yaml)).questions[0];
    const partial = parsed(withBlock("quiz", `${yaml}\nbefore: [[0, 2], [1, 2], [2, 3]]`)).questions[0];
    expect(total?.answer).toEqual({ type: "ordering", items: ["encode query", "encode key", "compare", "enqueue"] });
    expect(total?.answer && "before" in total.answer).toBe(false);
    expect(partial?.answer).toEqual({
      type: "ordering",
      items: ["encode query", "encode key", "compare", "enqueue"],
      before: [
        [0, 2],
        [1, 2],
        [2, 3],
      ],
    });
    expect(partial?.hash).not.toBe(total?.hash);
    const shown = partial?.payload.type === "ordering" ? partial.payload.items : [];
    const at = (item: string) => shown.indexOf(item);
    expect([...shown].sort()).toEqual(["compare", "encode key", "encode query", "enqueue"]);
    expect(at("encode query") < at("compare") && at("encode key") < at("compare") && at("compare") < at("enqueue")).toBe(false);
  });

  it("splits a single-choice question into choices shown and the index kept apart", () => {
    const note = parsed(withBlock("quiz", "id: q\ntype: single\nprompt: Which?\nchoices: [a, b, c]\nanswer: 2\nexplanation: Because.\ncards: [x]"));
    expect(note.questions[0]).toMatchObject({
      payload: { type: "single", choices: ["a", "b", "c"] },
      answer: { type: "single", index: 2 },
      cardKeys: ["moco/x"],
    });
  });

  it("anchors an item to the closest heading above it, with GitHub-style slugs for repeated headings", () => {
    const text = noteText({}, "## Setup\n\ntext\n\n## Setup\n\nmore\n\n```widget\nname: infonce-queue\n```\n");
    const note = parsed(text);
    expect(note.headings.map((h) => h.slug)).toEqual(["setup", "setup-1"]);
    expect(note.widgets).toEqual([{ name: "infonce-queue", caption: null, line: lineOf(text, "```widget"), anchor: "setup-1" }]);
  });
});

describe("parseNote reports each mistake at its line", () => {
  it("reports bad YAML in the front matter at the line it occurs", () => {
    const text = noteText().replace('short: "MoCo"', "short: MoCo: Momentum Contrast");
    expectError(text, lineOf(text, "short:"), "YAML:");
  });

  it("reports an unknown front matter key at its line and suggests the intended one", () => {
    const text = noteText({ prerequisites: undefined, prerequisits: ["a"] });
    expectError(text, lineOf(text, "prerequisits:"), "unknown key `prerequisits` (did you mean `prerequisites`?)");
  });

  it("reports a key a paper needs as missing, at the front matter's first line", () => {
    expectError(noteText({ year: undefined }), 1, "missing required key `year` (papers need it)");
  });

  it("reports a summary that is too short at its line", () => {
    const text = noteText({ summary: "Too short." });
    expectError(text, lineOf(text, "summary:"), "summary must be at least 20 characters");
  });

  it("reports a bad tag at the line of the tag list", () => {
    const text = noteText({ tags: ["Self Supervised"] });
    expectError(text, lineOf(text, "tags:"), "tags are lowercase");
  });

  it("reports a file without front matter at line 1", () => {
    expectError("## Just a body\n", 1, "must start with front matter");
  });

  it("reports front matter that is never closed", () => {
    expectError("---\ntitle: x\n\n## Body\n", 1, "never closed");
  });

  it("reports a card id that is not lowercase-dashed at the id line", () => {
    const text = withBlock("card", "id: Queue_Size\ntype: basic\nfront: a\nback: b");
    expectError(text, lineOf(text, "id: Queue_Size"), "id must be lowercase letters, digits and dashes");
  });

  it("reports ids that take the derived d- prefix", () => {
    const text = withBlock("card", "id: d-mine\ntype: basic\nfront: a\nback: b");
    expectError(text, lineOf(text, "id: d-mine"), 'ids starting with "d-" are reserved');
  });

  it("reports a missing card key at the line of the block", () => {
    const text = withBlock("card", "id: a\ntype: basic\nfront: a");
    expectError(text, lineOf(text, "```card"), "missing required key `back`");
  });

  it("reports an unknown card key at its line", () => {
    const text = withBlock("card", "id: a\ntype: basic\nfront: a\nbak: b\nback: c");
    expectError(text, lineOf(text, "bak: b"), "unknown key `bak` (did you mean `back`?)");
  });

  it("reports an unknown card type at its line", () => {
    const text = withBlock("card", "id: a\ntype: flip\nfront: a\nback: b");
    expectError(text, lineOf(text, "type: flip"), "card type must be one of basic, reverse, cloze");
  });

  it("reports a cloze card without a deletion", () => {
    const text = withBlock("card", "id: a\ntype: cloze\ntext: Nothing hidden here.");
    expectError(text, lineOf(text, "text: Nothing"), "at least one {{deletion}}");
  });

  it("reports a cloze deletion inside $...$ math", () => {
    const text = withBlock("card", 'id: a\ntype: cloze\ntext: "Loss is $\\\\exp({{q}} k)$ here."');
    expectError(text, lineOf(text, "text: "), "inside $...$ math");
  });

  it("reports bad YAML inside a block at the file line", () => {
    const text = withBlock("card", "id: a\ntype: basic\nfront: [unclosed\nback: b");
    expect(errorsOf(text).every((e) => e.line >= lineOf(text, "front: [unclosed"))).toBe(true);
    expect(errorsOf(text)[0]?.message).toMatch(/^YAML:/);
  });

  it("reports a single-choice answer index out of range at the answer line", () => {
    const text = withBlock("quiz", "id: q\ntype: single\nprompt: Which?\nchoices: [a, b, c]\nanswer: 3\nexplanation: Because.");
    expectError(text, lineOf(text, "answer: 3"), "answer 3 is out of range: there are 3 choices");
  });

  it("reports a multiple-choice index out of range at the answer line", () => {
    const text = withBlock("quiz", "id: q\ntype: multiple\nprompt: Which?\nchoices: [a, b, c]\nanswer: [0, 5]\nexplanation: Because.");
    expectError(text, lineOf(text, "answer: [0, 5]"), "answer index 5 is out of range");
  });

  it("reports an ordering question with too few items", () => {
    const text = withBlock("quiz", "id: q\ntype: ordering\nprompt: Order.\nitems: [a, b]\nexplanation: Because.");
    expectError(text, lineOf(text, "items:"), "ordering needs 3 to 8 items");
  });

  it("reports before pairs that are malformed, out of range or against the listed order, at their line", () => {
    const base = "id: q\ntype: ordering\nprompt: Order.\nitems: [a, b, c]\nexplanation: Because.\n";
    let text = withBlock("quiz", `${base}before:\n  - [0, 1]\n  - [2, 1]`);
    expectError(text, lineOf(text, "- [2, 1]"), "before [2, 1] contradicts the listed order");
    text = withBlock("quiz", `${base}before: [[0, 3]]`);
    expectError(text, lineOf(text, "before:"), "item indices 0 to 2");
    text = withBlock("quiz", `${base}before: [[0, 1, 2]]`);
    expectError(text, lineOf(text, "before:"), "before pairs are [i, j]");
    text = withBlock("quiz", `${base}before: [[0, x]]`);
    expectError(text, lineOf(text, "before:"), "whole numbers");
    text = withBlock("quiz", `${base}before: []`);
    expectError(text, lineOf(text, "before:"), "at least one");
    text = withBlock("quiz", `${base}before:\n  - [0, 1]\n  - [1, 2]\n  - [0, 2]`);
    expectError(text, lineOf(text, "- [0, 2]"), "follows from the other pairs");
  });

  it("reports a true/false answer written as a string", () => {
    const text = withBlock("quiz", 'id: q\ntype: truefalse\nprompt: True?\nanswer: "yes"\nexplanation: Because.');
    expectError(text, lineOf(text, "answer:"), "answer must be true or false");
  });

  it("reports a numeric question without a tolerance", () => {
    const text = withBlock("quiz", "id: q\ntype: numeric\nprompt: How many?\nanswer: 3\nexplanation: Because.");
    expectError(text, lineOf(text, "```quiz"), "missing required key `tolerance`");
  });

  it("reports a question without an explanation", () => {
    const text = withBlock("quiz", "id: q\ntype: truefalse\nprompt: True?\nanswer: true");
    expectError(text, lineOf(text, "```quiz"), "missing required key `explanation`");
  });

  it("reports an unknown widget name at its line", () => {
    const text = withBlock("widget", "name: flux-capacitor\ncaption: Nope.");
    expectError(text, lineOf(text, "name: flux-capacitor"), "name must be a registered widget");
  });

  it("reports a block that is never closed at its opening fence", () => {
    const text = noteText({}, "## A\n\ntext\n\n```card\nid: a\ntype: basic\nfront: a\nback: b\n");
    expectError(text, lineOf(text, "```card"), "this ```card block is never closed");
  });

  it("reports a block inside a list", () => {
    const text = noteText({}, "## A\n\n- item\n\n  ```card\n  id: a\n  type: basic\n  front: a\n  back: b\n  ```\n");
    expectError(text, lineOf(text, "```card"), "must stand on its own");
  });

  it("reports two key terms in one sentence at the second", () => {
    const text = noteText({}, "## A\n\nMoCo keeps a ==queue==\nof keys from a ==momentum encoder== today.\n");
    expectError(text, lineOf(text, "==momentum encoder=="), "only one ==key term== per sentence");
  });

  it("reports a key term whose sentence is too short to blank", () => {
    const text = noteText({}, "## A\n\nThe ==queue==.\n");
    expectError(text, lineOf(text, "==queue=="), "too short to make a cloze card");
  });

  it("reports a level-1 heading, raw HTML and math KaTeX cannot render", () => {
    const text = noteText({}, "# Title\n\n## A\n\nSome <b>bold</b> text.\n\nMath $\\frac{1}{$ here.\n");
    expectError(text, lineOf(text, "# Title"), "use ## for sections");
    expectError(text, lineOf(text, "<b>bold"), "raw HTML is not rendered");
    expectError(text, lineOf(text, "Math $"), "math does not render");
  });

  it("checks a one-line $$...$$ paragraph as display maths, where \\tag is allowed", () => {
    expect(parseNote(FILE, noteText({}, "## A\n\nSome prose here.\n\n$$ a = b \\tag{1} $$\n")).ok).toBe(true);
    const text = noteText({}, "## A\n\nInline $$ a = b \\tag{1} $$ is not display maths.\n");
    expectError(text, lineOf(text, "Inline $$"), "math does not render");
  });

  it("reports math KaTeX cannot render inside a card at the line of its key", () => {
    const text = withBlock("card", "id: a\ntype: basic\nfront: What is $\\sqrtt{2}$?\nback: b");
    expectError(text, lineOf(text, "front:"), "math does not render");
  });
});

describe("parseNote collects every error in one run", () => {
  it("reports all mistakes of a file, sorted by line, not just the first", () => {
    const body = `${DEFAULT_BODY}
\`\`\`quiz
id: q
type: single
prompt: Which?
choices: [a, b]
answer: 2
explanation: Because.
\`\`\`

\`\`\`widget
name: nope
\`\`\`

\`\`\`card
id: BAD
type: basic
front: a
back: b
\`\`\`
`;
    const text = noteText({ year: undefined, colour: "blue" }, body);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.line)).toEqual([
      1, // missing year
      lineOf(text, "colour:"),
      lineOf(text, "answer: 2"),
      lineOf(text, "name: nope"),
      lineOf(text, "id: BAD"),
    ]);
  });

  it("checks an answer index even when another key of the block is wrong", () => {
    const text = withBlock("quiz", "id: q\ntype: single\nprompt: Which?\nchoices: [a, b]\nanswer: 9\nexplanaton: typo");
    const messages = errorsOf(text).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("unknown key `explanaton`"),
        expect.stringContaining("answer 9 is out of range"),
        expect.stringContaining("missing required key `explanation`"),
      ]),
    );
  });
});
