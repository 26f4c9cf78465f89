/**
 * Quiz balance: corpus statistics that tell whether a question set can be passed by pattern
 * rather than knowledge (docs/content-format.md, "Quiz balance"), over authored AND derived
 * questions. `npm run content:check` prints them and fails outside `BALANCE_BOUNDS`.
 *
 * - true/false: the share of answers that are true (always answering the majority must not pay);
 * - multiple choice: how many questions have 1, 2, 3, … right options (a fixed count is a tell);
 * - "pick the longest" (single and multiple choice): how often the longest choice is right,
 *   against what a random pick gets. A choice's length is its text's length in characters
 *   (markdown source, whitespace collapsed). When several choices tie for longest, the
 *   strategy picks one of them at random, so a question counts the share of tied-longest
 *   choices that are right. Single: Σ over questions of that share, fair share Σ 1/#choices.
 *   Multiple: the same (the chance the longest choice is a right one), fair share
 *   Σ #right/#choices.
 */
import type { QuizAnswer, QuizPayload } from "@/app/lib/schemas/content";

export const BALANCE_BOUNDS = {
  /** true/false: share of answers that are true, inclusive. */
  trueShare: { min: 0.4, max: 0.6 },
  /** multiple choice: no right-option count on more than this share of the questions. */
  rightCountMaxShare: 0.4,
  /** multiple choice: these right-option counts each on at least `rightCountMinShare`. */
  rightCountsCommon: [1, 2, 3],
  rightCountMinShare: 0.1,
  /** multiple choice: these right-option counts used at least once. */
  rightCountsUsed: [4],
  /** "pick the longest" may be right at most this many times its fair share. */
  longestMaxRatio: 1.25,
} as const;

export interface LongestStat {
  questions: number;
  /** Expected number of questions where picking the longest choice picks a right one. */
  longestRight: number;
  /** The same for a random pick. */
  fairShare: number;
}

export interface QuizBalance {
  truefalse: { questions: number; true: number };
  multiple: { questions: number; byRightCount: Map<number, number> };
  longest: { single: LongestStat; multiple: LongestStat };
}

export interface BalanceViolation {
  statistic: string;
  message: string;
}

type Question = { payload: QuizPayload; answer: QuizAnswer };

const choiceLength = (choice: string) => choice.trim().replace(/\s+/g, " ").length;

/** Share of the tied-longest choices that are right (0 with no choices). */
export function longestRightShare(choices: readonly string[], right: ReadonlySet<number>): number {
  const lengths = choices.map(choiceLength);
  const max = Math.max(...lengths);
  const longest = lengths.flatMap((length, i) => (length === max ? [i] : []));
  if (longest.length === 0) return 0;
  return longest.filter((i) => right.has(i)).length / longest.length;
}

export function quizBalance(questions: readonly Question[]): QuizBalance {
  const balance: QuizBalance = {
    truefalse: { questions: 0, true: 0 },
    multiple: { questions: 0, byRightCount: new Map() },
    longest: {
      single: { questions: 0, longestRight: 0, fairShare: 0 },
      multiple: { questions: 0, longestRight: 0, fairShare: 0 },
    },
  };
  for (const { payload, answer } of questions) {
    if (answer.type === "truefalse") {
      balance.truefalse.questions += 1;
      if (answer.value) balance.truefalse.true += 1;
    } else if (answer.type === "single" && payload.type === "single" && payload.choices.length > 0) {
      const stat = balance.longest.single;
      stat.questions += 1;
      stat.longestRight += longestRightShare(payload.choices, new Set([answer.index]));
      stat.fairShare += 1 / payload.choices.length;
    } else if (answer.type === "multiple" && payload.type === "multiple" && payload.choices.length > 0) {
      const right = new Set(answer.indices);
      const counts = balance.multiple.byRightCount;
      balance.multiple.questions += 1;
      counts.set(right.size, (counts.get(right.size) ?? 0) + 1);
      const stat = balance.longest.multiple;
      stat.questions += 1;
      stat.longestRight += longestRightShare(payload.choices, right);
      stat.fairShare += right.size / payload.choices.length;
    }
  }
  return balance;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const figure = (value: number) => String(Math.round(value * 10) / 10);
const times = (ratio: number) => `${ratio.toFixed(2)} ×`;

/** Every statistic outside `BALANCE_BOUNDS`, each naming the statistic, its value and bound. */
export function balanceViolations(balance: QuizBalance, bounds = BALANCE_BOUNDS): BalanceViolation[] {
  const out: BalanceViolation[] = [];
  const tf = balance.truefalse;
  if (tf.questions > 0) {
    const share = tf.true / tf.questions;
    if (share < bounds.trueShare.min || share > bounds.trueShare.max)
      out.push({
        statistic: "true/false share true",
        message: `${percent(share)} (${tf.true} of ${tf.questions}) must be between ${percent(bounds.trueShare.min)} and ${percent(bounds.trueShare.max)}`,
      });
  }
  const mc = balance.multiple;
  if (mc.questions > 0) {
    const count = (k: number) => mc.byRightCount.get(k) ?? 0;
    for (const [k, n] of [...mc.byRightCount].sort(([a], [b]) => a - b)) {
      if (n / mc.questions > bounds.rightCountMaxShare)
        out.push({
          statistic: `multiple choice with ${k} right`,
          message: `${percent(n / mc.questions)} (${n} of ${mc.questions}) must be at most ${percent(bounds.rightCountMaxShare)}`,
        });
    }
    for (const k of bounds.rightCountsCommon) {
      if (count(k) / mc.questions < bounds.rightCountMinShare)
        out.push({
          statistic: `multiple choice with ${k} right`,
          message: `${percent(count(k) / mc.questions)} (${count(k)} of ${mc.questions}) must be at least ${percent(bounds.rightCountMinShare)}`,
        });
    }
    for (const k of bounds.rightCountsUsed) {
      if (count(k) === 0)
        out.push({ statistic: `multiple choice with ${k} right`, message: `none of ${mc.questions}: must be used at least once` });
    }
  }
  for (const kind of ["single", "multiple"] as const) {
    const stat = balance.longest[kind];
    if (stat.questions === 0 || stat.fairShare === 0) continue;
    const ratio = stat.longestRight / stat.fairShare;
    if (ratio > bounds.longestMaxRatio)
      out.push({
        statistic: `${kind} choice: longest choice is right`,
        message: `${figure(stat.longestRight)} of ${stat.questions} questions, ${times(ratio)} the fair share ${figure(stat.fairShare)}: must be at most ${bounds.longestMaxRatio} ×`,
      });
  }
  return out;
}

/** The report lines `content:check` prints. */
export function formatBalance(balance: QuizBalance, bounds = BALANCE_BOUNDS): string[] {
  const tf = balance.truefalse;
  const mc = balance.multiple;
  const lines = ["quiz balance (authored + derived questions):"];
  lines.push(
    tf.questions === 0
      ? "  true/false       none"
      : `  true/false       ${tf.true} of ${tf.questions} true (${percent(tf.true / tf.questions)}); bounds ${percent(bounds.trueShare.min)}–${percent(bounds.trueShare.max)}`,
  );
  const counts = [...mc.byRightCount].sort(([a], [b]) => a - b);
  lines.push(
    mc.questions === 0
      ? "  multiple choice  none"
      : `  multiple choice  right options ${counts.map(([k, n]) => `${k}: ${n} (${percent(n / mc.questions)})`).join(", ")} of ${mc.questions}; bounds: none > ${percent(bounds.rightCountMaxShare)}, ${bounds.rightCountsCommon.join("/")} ≥ ${percent(bounds.rightCountMinShare)} each, ${bounds.rightCountsUsed.join("/")} used`,
  );
  for (const kind of ["single", "multiple"] as const) {
    const stat = balance.longest[kind];
    if (stat.questions === 0) continue;
    const ratio = stat.fairShare > 0 ? stat.longestRight / stat.fairShare : 0;
    lines.push(
      `  longest is right ${kind.padEnd(8)} ${figure(stat.longestRight)} of ${stat.questions} vs fair share ${figure(stat.fairShare)} (${times(ratio)}); bound ≤ ${bounds.longestMaxRatio} ×`,
    );
  }
  return lines;
}
