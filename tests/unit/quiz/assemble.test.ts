import { describe, expect, it } from "vitest";

import { assembleQuiz, QuizAssemblyError, weakSpotPriority } from "@/app/lib/domain/quiz";

const question = (noteSlug: string, n: number) => ({
  key: `${noteSlug}/q${n}`,
  noteSlug,
  prompt: `${noteSlug} ${n}`,
});
const bank = [
  ...[1, 2, 3, 4, 5].map((n) => question("moco", n)),
  ...[1, 2, 3].map((n) => question("simclr", n)),
  ...[1].map((n) => question("byol", n)),
  ...[1, 2, 3, 4].map((n) => question("clip", n)),
];
const notes = ["moco", "simclr", "byol"];

describe("assembleQuiz", () => {
  it("takes at most one question of a group per note (one 'which paper introduced' whose answer is the note)", () => {
    const which = [1, 2, 3].map((n) => ({ key: `moco/d-introduced-${n}`, noteSlug: "moco", group: "which-paper" }));
    const others = [1, 2].map((n) => ({ key: `moco/q${n}`, noteSlug: "moco" }));
    for (const seed of ["a", "b", "c", "d"]) {
      const quiz = assembleQuiz({ questions: [...which, ...others], noteSlugs: ["moco"], length: 10, seed });
      expect(quiz.filter((q) => q.key.includes("d-introduced"))).toHaveLength(1);
      // Fewer questions than asked: the capped ones are not used to fill the quiz.
      expect(quiz).toHaveLength(3);
    }
  });

  it("takes one question from each chosen note before a second from any", () => {
    const quiz = assembleQuiz({ questions: bank, noteSlugs: notes, length: 6, seed: "quiz-1" });
    expect(quiz).toHaveLength(6);
    const first = quiz.slice(0, 3).map((q) => q.noteSlug);
    expect(new Set(first)).toEqual(new Set(notes));
    const counts = new Map<string, number>();
    for (const q of quiz) counts.set(q.noteSlug, (counts.get(q.noteSlug) ?? 0) + 1);
    // byol has one question, so moco and simclr share the other five, three and two.
    expect(counts.get("byol")).toBe(1);
    expect([counts.get("moco"), counts.get("simclr")].sort()).toEqual([2, 3]);
  });

  it("spreads evenly: note counts differ by at most one while every note has questions left", () => {
    const quiz = assembleQuiz({
      questions: bank,
      noteSlugs: ["moco", "simclr", "clip"],
      length: 9,
      seed: "quiz-2",
    });
    const counts = ["moco", "simclr", "clip"].map(
      (slug) => quiz.filter((q) => q.noteSlug === slug).length,
    );
    expect(counts).toEqual([3, 3, 3]);
  });

  it("never repeats a question, ignores other notes and stops when the notes run out", () => {
    const quiz = assembleQuiz({ questions: bank, noteSlugs: notes, length: 50, seed: "quiz-3" });
    expect(quiz).toHaveLength(9);
    expect(new Set(quiz.map((q) => q.key)).size).toBe(9);
    expect(quiz.some((q) => q.noteSlug === "clip")).toBe(false);
  });

  it("is the same for the same seed and differs between seeds", () => {
    const input = { questions: bank, noteSlugs: notes, length: 6 };
    expect(assembleQuiz({ ...input, seed: "s" })).toEqual(assembleQuiz({ ...input, seed: "s" }));
    const variants = new Set(
      ["a", "b", "c", "d", "e", "f"].map((seed) =>
        assembleQuiz({ ...input, seed })
          .map((q) => q.key)
          .join(),
      ),
    );
    expect(variants.size).toBeGreaterThan(1);
  });

  it("puts the highest-weighted questions first within each note and the weakest note first", () => {
    const weights = { "simclr/q3": 2, "moco/q4": 1, "moco/q2": 0.5 };
    const quiz = assembleQuiz({ questions: bank, noteSlugs: notes, length: 4, seed: "w", weights });
    expect(quiz.map((q) => q.key).slice(0, 3)).toEqual(["simclr/q3", "moco/q4", "byol/q1"]);
    expect(quiz[3]?.noteSlug).toBe("simclr");
  });

  it("rejects duplicate keys and a negative length with a named error", () => {
    expect(() =>
      assembleQuiz({
        questions: [...bank, question("moco", 1)],
        noteSlugs: notes,
        length: 3,
        seed: "x",
      }),
    ).toThrow(QuizAssemblyError);
    expect(() =>
      assembleQuiz({ questions: bank, noteSlugs: notes, length: -1, seed: "x" }),
    ).toThrow(QuizAssemblyError);
    expect(assembleQuiz({ questions: bank, noteSlugs: [], length: 5, seed: "x" })).toEqual([]);
  });
});

describe("weakSpotPriority", () => {
  const input = {
    questions: [
      { key: "moco/q1", noteSlug: "moco", cardKeys: ["moco/c1"] },
      { key: "moco/q2", noteSlug: "moco" },
      { key: "simclr/q1", noteSlug: "simclr", cardKeys: ["simclr/c1"] },
      { key: "byol/q1", noteSlug: "byol" },
    ],
    cards: [
      { key: "moco/c1", noteSlug: "moco", retrievability: 0.6, lapses: 2 },
      { key: "moco/c2", noteSlug: "moco", retrievability: 0.9, lapses: 0 },
      { key: "simclr/c1", noteSlug: "simclr", retrievability: 0.95, lapses: 0 },
    ],
    history: [
      { questionKey: "simclr/q1", answered: 3, missed: 3 },
      { questionKey: "moco/q2", answered: 1, missed: 0 },
    ],
  };

  it("computes the documented priorities by hand", () => {
    const ranking = weakSpotPriority(input);
    // moco/c1: (1 − 0.6) + 0.5 · 2/4 = 0.65; moco/c2: 0.1; simclr/c1: 0.05.
    // simclr/q1: 3/4 + 0.05 = 0.8; moco/q1: 0 + 0.65; moco/q2: 0/2 + mean(0.65, 0.1) = 0.375; byol/q1: 0.
    expect(ranking.questions.map((q) => q.key)).toEqual([
      "simclr/q1",
      "moco/q1",
      "moco/q2",
      "byol/q1",
    ]);
    expect(ranking.questions.map((q) => q.priority)).toEqual([
      expect.closeTo(0.8, 10),
      expect.closeTo(0.65, 10),
      expect.closeTo(0.375, 10),
      0,
    ]);
    // Notes: moco 0.375 + 0 = 0.375; simclr 0.05 + 0.75 = 0.8; byol 0.
    expect(ranking.notes.map((n) => [n.noteSlug, n.priority])).toEqual([
      ["simclr", expect.closeTo(0.8, 10)],
      ["moco", expect.closeTo(0.375, 10)],
      ["byol", 0],
    ]);
    expect(ranking.questionWeights["moco/q1"]).toBeCloseTo(0.65, 10);
  });

  it("feeds assembleQuiz so the weakest questions come first", () => {
    const { questionWeights } = weakSpotPriority(input);
    const quiz = assembleQuiz({
      questions: input.questions,
      noteSlugs: ["moco", "simclr", "byol"],
      length: 4,
      seed: "weak",
      weights: questionWeights,
    });
    expect(quiz.map((q) => q.key)).toEqual(["simclr/q1", "moco/q1", "byol/q1", "moco/q2"]);
  });
});
