import { describe, expect, it } from "vitest";
import {
  blockAtCursor,
  blockIds,
  blockText,
  emptyCardForm,
  emptyQuizForm,
  formFromBlock,
  putBlock,
  suggestId,
  type BlockForm,
} from "@/app/lib/domain/content/block-form";
import { checkOwnNote } from "@/app/lib/domain/content/own-note";
import { ownNoteText } from "../../integration/notes/own-note-fixture";

const context = { knownSlugs: new Set<string>(), ownPrerequisites: new Map<string, string[]>() };

/** Puts the block after the fixture's first paragraph and runs the real note checker on it. */
function checkWith(block: string) {
  const base = ownNoteText("blockform");
  const cursor = base.indexOf("outside the corpus.") + 5;
  const { text } = putBlock(base, block, cursor);
  return checkOwnNote("my-block-form", text, context);
}

const forms: BlockForm[] = [
  { ...emptyCardForm("basic"), id: "queue-size", front: "How many keys: *yes*?", back: "65536" },
  { ...emptyCardForm("reverse"), id: "momentum", front: "Key encoder update: $\\theta_k$", back: "a: b # not a comment", tags: ["moco", "encoders"] },
  { ...emptyCardForm("cloze"), id: "momentum-value", text: "MoCo uses m = {{0.999}} for the {{key encoder}}." },
  { ...emptyQuizForm("single"), id: "pick", prompt: "Which one?", choices: ["yes", "no: never"], correct: [1], explanation: "Because.", cards: ["queue-size"] },
  { ...emptyQuizForm("multiple"), id: "many", prompt: "Pick two", choices: ["1e-3", "true", "plain"], correct: [0, 2], explanation: "Two." },
  { ...emptyQuizForm("truefalse"), id: "tf", prompt: "Is it?", truth: false, explanation: "No." },
  { ...emptyQuizForm("short"), id: "short-one", prompt: "Name it", answer: "MoCo", alternatives: ["Momentum Contrast"], explanation: "Its name." },
  { ...emptyQuizForm("numeric"), id: "num", prompt: "Momentum?", answer: "0.999", tolerance: "0.0001", unit: "", explanation: "Slow." },
  { ...emptyQuizForm("ordering"), id: "order", prompt: "Order these", choices: ["first", "second", "third"], explanation: "In order." },
];

describe("card and question blocks ↔ the form", () => {
  it.each(forms.map((f) => [`${f.kind} ${f.type}`, f] as const))("round-trips a %s form through its block", (_name, form) => {
    const block = blockText(form);
    const at = blockAtCursor(block, 5);
    expect(at?.kind).toBe(form.kind);
    expect(formFromBlock(form.kind, at?.body ?? "")).toEqual(form);
  });

  it.each(forms.map((f) => [`${f.kind} ${f.type}`, f] as const))("writes a %s block the note checker accepts with the form's values", (_name, form) => {
    const check = checkWith(blockText(form));
    expect(check.errors).toEqual([]);
    if (form.kind === "card") {
      const card = check.cards.find((c) => c.id === form.id);
      expect(card).toBeDefined();
      if (form.type === "cloze") expect(card?.cloze?.text).toBe(form.text);
      else expect([card?.front, card?.back, card?.tags]).toEqual([form.front, form.back, form.tags]);
    } else {
      const question = check.questions.find((q) => q.key.endsWith(`/${form.id}`));
      expect(question?.prompt).toBe(form.prompt);
      expect(question?.type).toBe(form.type);
      expect(question?.explanation).toBe(form.explanation);
    }
  });

  it("reads a block written by hand (block lists, numbers, extra keys) and keeps what it has no field for", () => {
    const body = ["id: step-order", "type: ordering", "prompt: Order MoCo's steps.", "items:", "  - encode the queries", "  - encode the keys", "  - compute the loss", "before: [[0, 2], [1, 2]]", "explanation: Both feed the loss."].join("\n");
    const form = formFromBlock("quiz", body);
    expect(form).toMatchObject({ type: "ordering", choices: ["encode the queries", "encode the keys", "compute the loss"], extra: [["before", [[0, 2], [1, 2]]]] });
    const rewritten = blockText(form);
    expect(rewritten).toMatch(/^before:/m);
    expect(formFromBlock("quiz", blockAtCursor(rewritten, 3)?.body ?? "")).toEqual(form);
    expect(checkWith(rewritten).errors).toEqual([]);
    // A number in a text field is text in the form; the block still reads as that number's text.
    expect(formFromBlock("card", "id: k\ntype: basic\nfront: How many?\nback: 65536")).toMatchObject({ back: "65536" });
  });

  it("fills the form from a half-written block instead of failing", () => {
    expect(formFromBlock("card", "id: x\ntype: cloze\ntext: [unclosed")).toMatchObject({ kind: "card", id: "x", type: "cloze" });
    expect(formFromBlock("card", ": : :\n  - [")).toMatchObject({ kind: "card", type: "basic" });
    expect(formFromBlock("quiz", "type: nonsense\nprompt: Why?")).toMatchObject({ type: "single", prompt: "Why?" });
  });
});

describe("the block at the cursor", () => {
  const text = "## A\n\nText.\n\n```card\nid: one\ntype: basic\nfront: F\nback: B\n```\n\n```python\nx = 1\n```\n\n```quiz\nid: q\n";
  it("finds the card whose fences or body hold the cursor, and not a code block", () => {
    const card = blockAtCursor(text, text.indexOf("front"));
    expect(card).toMatchObject({ kind: "card", body: "id: one\ntype: basic\nfront: F\nback: B" });
    expect(text.slice(card?.start, card?.end)).toBe("```card\nid: one\ntype: basic\nfront: F\nback: B\n```");
    expect(blockAtCursor(text, text.indexOf("x = 1"))).toBeNull();
    expect(blockAtCursor(text, 2)).toBeNull();
    expect(blockAtCursor(text, text.length)).toMatchObject({ kind: "quiz", body: "id: q" });
  });

  it("rewrites a block in place and leaves the rest of the text alone", () => {
    const card = blockAtCursor(text, text.indexOf("front"));
    const form = formFromBlock("card", card?.body ?? "");
    const { text: next } = putBlock(text, blockText({ ...form, back: "New back" } as BlockForm), 0, card);
    expect(next).toBe(text.replace("back: B", "back: New back"));
  });

  it("inserts a new block on its own lines after the cursor's line, never inside a code block", () => {
    const mid = putBlock("One line.\nTwo.", "```card\nid: a\n```", 3);
    expect(mid.text).toBe("One line.\n\n```card\nid: a\n```\n\nTwo.");
    expect(mid.text.slice(mid.start)).toMatch(/^```card/);
    const inCode = putBlock(text, "```card\nid: z\n```", text.indexOf("x = 1"));
    expect(inCode.text).toContain("x = 1\n```\n\n```card\nid: z\n```\n\n");
    expect(putBlock("", "```card\n```", 0).text).toBe("```card\n```\n");
  });

  it("suggests an id from the question's words that no block uses yet", () => {
    const taken = blockIds(text);
    expect(taken).toEqual(new Set(["one", "one-rev", "q", "q-rev"]));
    expect(suggestId("What is the queue size?", taken, "card")).toBe("queue-size");
    expect(suggestId("One?", taken, "card")).toBe("one-2");
    expect(suggestId("$x$ ?", taken, "card")).toBe("card");
  });
});
