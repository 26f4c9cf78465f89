import { describe, expect, it } from "vitest";
import type { QuizAnswer, QuizPayload } from "@/app/lib/domain/content";
import {
  balanceViolations,
  formatBalance,
  longestRightShare,
  quizBalance,
} from "@/app/lib/domain/content/quiz-balance";

type Q = { payload: QuizPayload; answer: QuizAnswer };
const tf = (value: boolean): Q => ({ payload: { type: "truefalse" }, answer: { type: "truefalse", value } });
const single = (choices: string[], index: number): Q => ({ payload: { type: "single", choices }, answer: { type: "single", index } });
const multiple = (choices: string[], indices: number[]): Q => ({
  payload: { type: "multiple", choices },
  answer: { type: "multiple", indices },
});
/** A multiple-choice question with `right` right options among six equally long choices. */
const mcWith = (right: number) => multiple(["aa", "bb", "cc", "dd", "ee", "ff"], [...Array(right).keys()]);
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** A fixture inside every bound: 5 of 10 true, right counts 1–4 at 30/30/30/10 %, nothing longest. */
const balanced: Q[] = [
  ...times(5, () => tf(true)),
  ...times(5, () => tf(false)),
  ...times(3, () => mcWith(1)),
  ...times(3, () => mcWith(2)),
  ...times(3, () => mcWith(3)),
  mcWith(4),
  ...times(4, () => single(["short", "longer one", "mid"], 0)),
];

describe("quizBalance", () => {
  it("counts true answers, right-option counts and how often the longest choice is right", () => {
    const b = quizBalance(balanced);
    expect(b.truefalse).toEqual({ questions: 10, true: 5 });
    expect([...b.multiple.byRightCount].sort()).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 1],
    ]);
    expect(b.longest.single).toEqual({ questions: 4, longestRight: 0, fairShare: 4 / 3 });
    // All six choices tie for longest: the longest pick is right as often as a random pick.
    expect(b.longest.multiple.longestRight).toBeCloseTo(b.longest.multiple.fairShare);
    expect(balanceViolations(b)).toEqual([]);
  });

  it("splits ties for the longest choice, ignoring surrounding and repeated spaces", () => {
    expect(longestRightShare(["abc", "ab", "abc"], new Set([0]))).toBe(0.5);
    expect(longestRightShare(["a  b", "abc"], new Set([0]))).toBe(0.5);
    expect(longestRightShare(["a", "b", "longest"], new Set([2]))).toBe(1);
  });

  it("fails true/false outside 40–60 % true, naming the statistic and bound", () => {
    const v = balanceViolations(quizBalance([...times(3, () => tf(true)), ...times(7, () => tf(false))]));
    expect(v).toEqual([{ statistic: "true/false share true", message: "30 % (3 of 10) must be between 40 % and 60 %" }]);
    expect(balanceViolations(quizBalance([...times(4, () => tf(true)), ...times(6, () => tf(false))]))).toEqual([]);
    expect(balanceViolations(quizBalance([...times(6, () => tf(true)), ...times(4, () => tf(false))]))).toEqual([]);
    expect(balanceViolations(quizBalance([...times(7, () => tf(true)), ...times(3, () => tf(false))]))).toHaveLength(1);
  });

  it("fails right-option counts that dominate, are rare, or a count of four never used", () => {
    // 29 of 31 with three right, as the corpus had: too many 3s, too few 1s and 2s.
    const skewed = [...times(29, () => mcWith(3)), mcWith(2), mcWith(4)];
    const v = balanceViolations(quizBalance(skewed)).map((x) => `${x.statistic}: ${x.message}`);
    expect(v).toEqual([
      "multiple choice with 3 right: 93.5 % (29 of 31) must be at most 40 %",
      "multiple choice with 1 right: 0 % (0 of 31) must be at least 10 %",
      "multiple choice with 2 right: 3.2 % (1 of 31) must be at least 10 %",
    ]);
    const noFour = [...times(4, () => mcWith(1)), ...times(3, () => mcWith(2)), ...times(3, () => mcWith(3))];
    expect(balanceViolations(quizBalance(noFour)).map((x) => x.message)).toEqual(["none of 10: must be used at least once"]);
  });

  it("fails when the longest choice is right more than 1.25 × its fair share", () => {
    // Four questions of 4 choices: fair share 1; the longest is right twice (2 ×).
    const qs = [
      single(["a", "b", "c", "the longest"], 3),
      single(["a", "b", "c", "the longest"], 3),
      single(["a", "b", "c", "the longest"], 0),
      single(["a", "b", "c", "the longest"], 1),
    ];
    expect(balanceViolations(quizBalance(qs))).toEqual([
      {
        statistic: "single choice: longest choice is right",
        message: "2 of 4 questions, 2.00 × the fair share 1: must be at most 1.25 ×",
      },
    ]);
    // Multiple: one of two right among four, the longest right in both: 2 vs fair share 1.
    const mc = [multiple(["a", "b", "c", "longest"], [3, 0]), multiple(["longest", "b", "c", "d"], [0, 1])];
    const b = quizBalance(mc);
    expect(b.longest.multiple).toEqual({ questions: 2, longestRight: 2, fairShare: 1 });
    expect(balanceViolations(b).map((x) => x.statistic)).toContain("multiple choice: longest choice is right");
  });

  it("reports every statistic, and nothing to fail without questions", () => {
    const lines = formatBalance(quizBalance(balanced)).join("\n");
    expect(lines).toContain("5 of 10 true (50 %)");
    expect(lines).toContain("1: 3 (30 %), 2: 3 (30 %), 3: 3 (30 %), 4: 1 (10 %) of 10");
    expect(lines).toContain("longest is right single   0 of 4 vs fair share 1.3 (0.00 ×)");
    expect(balanceViolations(quizBalance([]))).toEqual([]);
  });
});
