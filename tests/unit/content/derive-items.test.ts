import { describe, expect, it } from "vitest";
import { loadCorpus, type Corpus } from "@/app/lib/domain/content";
import { mentionsOf } from "@/app/lib/domain/content/derive-items";
import { paperFile } from "./fixtures";

const AREAS = ["vision", "vision", "vision", "language", "language", "video"];
const files = AREAS.map((area, i) =>
  paperFile(`paper-${i}`, { area, short: `P${i}`, venue: `Conf ${i}`, year: 2015 + i, prerequisites: i > 0 ? [`paper-${i - 1}`] : [] }),
);

function derived(corpus: Corpus) {
  expect(corpus.errors).toEqual([]);
  return corpus.derived;
}

function shuffled<T>(items: T[]): T[] {
  // A fixed permutation: reversed, then the halves swapped.
  const r = [...items].reverse();
  return [...r.slice(r.length / 2), ...r.slice(0, r.length / 2)];
}

describe("deriveItems", () => {
  it("derives a cloze card from each key term sentence", () => {
    const { cards } = derived(loadCorpus([paperFile("a")]));
    expect(cards).toEqual([
      expect.objectContaining({
        key: "a/d-cloze-a-block",
        type: "cloze",
        front: "The a paper defines a [...] that everyone uses now.",
        back: "The a paper defines a ==a block== that everyone uses now.",
        anchor: "idea",
        derived: true,
      }),
    ]);
  });

  it("derives which-paper, year and venue questions for a paper, the answer hidden from the payload", () => {
    const { questions } = derived(loadCorpus(files));
    const mine = questions.filter((q) => q.noteSlug === "paper-1");
    expect(mine.map((q) => q.id)).toEqual(["d-introduced-1", "d-introduced-2", "d-venue", "d-year"]);
    const introduced = mine[0];
    expect(introduced?.prompt).toBe("Which paper introduced the idea of paper-1?");
    if (introduced?.payload.type !== "single" || introduced.answer.type !== "single") throw new Error("single choice expected");
    expect(introduced.payload.choices).toHaveLength(4);
    expect(new Set(introduced.payload.choices).size).toBe(4);
    expect(introduced.payload.choices[introduced.answer.index]).toBe("P1");
    expect(mine[3]).toMatchObject({ type: "numeric", answer: { type: "numeric", value: 2016, tolerance: 0 } });
    const venue = mine[2];
    if (venue?.payload.type !== "single" || venue.answer.type !== "single") throw new Error("single choice expected");
    expect(venue.payload.choices[venue.answer.index]).toBe("Conf 1");
  });

  it("prefers neighbours (same area, prerequisites, dependents) as distractors", () => {
    const { questions } = derived(loadCorpus(files));
    const q = questions.find((x) => x.key === "paper-4/d-introduced-1");
    if (q?.payload.type !== "single") throw new Error("single choice expected");
    // paper-4 (language): neighbours are paper-3 (language, prerequisite) and paper-5 (dependent).
    expect(q.payload.choices).toEqual(expect.arrayContaining(["P3", "P4", "P5"]));
  });

  it("never offers a paper whose note mentions the idea as a wrong answer to which paper introduced it", () => {
    // paper-4 (language) has neighbours paper-3 and paper-5; paper-3's note speaks of the idea
    // (other case, hyphen for a space, spread over a line break), so it must not be a distractor.
    const body = "## Idea\n\nThe paper-3 model already showed The Idea-of\npaper-4 in passing, ==without a name== for it.\n";
    const withMention = files.map((f, i) => (i === 3 ? paperFile("paper-3", { area: "language", short: "P3", venue: "Conf 3", year: 2018, prerequisites: ["paper-2"], body }) : f));
    const question = (corpus: Corpus, key: string) => derived(corpus).questions.find((x) => x.key === key);
    const q = question(loadCorpus(withMention), "paper-4/d-introduced-1");
    if (q?.payload.type !== "single" || q.answer.type !== "single") throw new Error("single choice expected");
    expect(q.payload.choices).not.toContain("P3");
    expect(q.payload.choices[q.answer.index]).toBe("P4");
    expect(q.payload.choices).toHaveLength(4);
    // Only the idea mentioned is affected; the same run twice picks the same choices.
    expect(question(loadCorpus(withMention), "paper-4/d-introduced-2")).toEqual(question(loadCorpus(files), "paper-4/d-introduced-2"));
    expect(question(loadCorpus(shuffled(withMention)), "paper-4/d-introduced-1")).toEqual(q);
  });

  it("matches an idea as a whole phrase, ignoring case, hyphens and spacing, not inside a word", () => {
    const mentions = mentionsOf("in-context learning");
    expect(mentions("GPT-3 calls this In-Context  Learning.")).toBe(true);
    expect(mentions("learning in context learning")).toBe(true);
    expect(mentions("in-context learner")).toBe(false);
    expect(mentionsOf("BERT")("RoBERTa is not BERTology")).toBe(false);
    expect(mentionsOf("BERT")("unlike ==BERT==, it")).toBe(true);
  });

  it("gives the same items with the same ids and content on two runs", () => {
    expect(loadCorpus(files).derived).toEqual(loadCorpus(files).derived);
  });

  it("does not depend on the order of the files", () => {
    const a = loadCorpus(files);
    const b = loadCorpus(shuffled(files));
    expect(b.derived).toEqual(a.derived);
    expect(b.notes).toEqual(a.notes);
  });

  it("leaves the items of a note unchanged when an unrelated note is added", () => {
    const before = derived(loadCorpus(files));
    const after = derived(loadCorpus([...files, paperFile("zzz", { area: "clip-family", short: "Z" })]));
    const of = (d: typeof before, slug: string) => [...d.cards, ...d.questions].filter((i) => i.noteSlug === slug);
    // paper-2 has three neighbours (paper-0 and paper-1 in its area, paper-3 building on it),
    // so a note from another area with no links cannot displace its distractors.
    expect(of(after, "paper-2")).toEqual(of(before, "paper-2"));
    expect(of(after, "paper-2")).toHaveLength(5);
  });

  it("skips a which-paper question whose idea names the paper, keeping the other ids", () => {
    const file = paperFile("codex", { short: "Codex" });
    const text = file.text.replace(/introduces: .*/, 'introduces: ["HumanEval benchmark", "Codex code model"]');
    const { questions } = derived(loadCorpus([{ ...file, text }, ...files]));
    expect(questions.filter((q) => q.noteSlug === "codex").map((q) => q.id)).toEqual(["d-introduced-1", "d-venue", "d-year"]);
  });
});
