/**
 * BERT's bidirectional attention vs GPT's causal attention over one short sentence.
 *
 * Scores are scaled dot products s_ij = q_i · k_j / √d of toy query and key vectors. The
 * causal mask sets s_ij = −∞ for j > i (a token may not look at later tokens), then each
 * row goes through a softmax:
 *
 *   a_ij = exp(s_ij) / Σ_{j' allowed} exp(s_ij')
 *
 * so masked weights are exactly 0 and every row still sums to 1.
 */
import { requireInput } from "../errors";
import { gaussianMatrix } from "../prng";
import { tf, toMatrix } from "../tf";

export type AttentionKind = "bidirectional" | "causal";

/** Splits a sentence into word tokens (the widget's toy tokenizer: whitespace). */
export function tokenize(sentence: string, maxTokens = 8): string[] {
  return sentence
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, maxTokens);
}

/**
 * Toy scores s = Q Kᵀ / √d for `n` tokens, Q and K drawn from a seeded normal. The same
 * (seed, n, d) always gives the same scores.
 */
export function toyScores(n: number, seed: number, dim = 8): number[][] {
  requireInput(Number.isInteger(n) && n > 0, "n", n, "The sentence needs at least one token.");
  const queries = gaussianMatrix(seed, n, dim);
  const keys = gaussianMatrix(seed + 7919, n, dim);
  return tf.tidy(() =>
    toMatrix(
      tf.div(tf.matMul(tf.tensor2d(queries), tf.tensor2d(keys), false, true), Math.sqrt(dim)),
    ),
  );
}

/** allowed[i][j]: may token i attend to token j? Causal allows j ≤ i only. */
export function attentionMask(n: number, kind: AttentionKind): boolean[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => kind === "bidirectional" || j <= i),
  );
}

/**
 * Row-wise softmax of the scores with the mask applied. A large negative number stands in
 * for −∞ because exp(−1e9 − max) underflows to exactly 0 without producing NaN.
 */
export function attentionWeights(
  scores: readonly (readonly number[])[],
  kind: AttentionKind,
): number[][] {
  const n = scores.length;
  requireInput(
    n > 0 && scores.every((row) => row.length === n),
    "scores",
    scores,
    "Attention scores must be a square matrix.",
  );
  const mask = attentionMask(n, kind).map((row) => row.map((ok) => (ok ? 0 : -1e9)));
  return tf.tidy(() =>
    toMatrix(tf.softmax(tf.add(tf.tensor2d(scores.map((row) => [...row])), tf.tensor2d(mask)), -1)),
  );
}

/** How many (query, key) pairs may interact: n² bidirectional, n(n+1)/2 causal. */
export function allowedPairs(n: number, kind: AttentionKind): number {
  return kind === "bidirectional" ? n * n : (n * (n + 1)) / 2;
}
