/**
 * MoCo's contrastive loss, InfoNCE, for one query q, its positive key k₊ and K negative
 * keys k_i from the queue (all unit vectors):
 *
 *   L_q = −log [ exp(q·k₊/τ) / (exp(q·k₊/τ) + Σ_{i=1}^{K} exp(q·k_i/τ)) ]
 *       = logsumexp(ℓ) − ℓ₀,   ℓ = (q·k₊, q·k₁, …, q·k_K) / τ
 *
 * i.e. the cross-entropy of a (K+1)-way softmax whose right answer is index 0. A smaller τ
 * sharpens the softmax; with uninformative embeddings the loss is about log(K + 1).
 */
import { requireInput } from "../errors";
import { gaussianMatrix } from "../prng";
import { tf, toMatrix, toVector } from "../tf";

/** Scales every row to unit length (rows of zeros stay zero). */
export function l2Normalize(rows: readonly (readonly number[])[]): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor2d(rows.map((row) => [...row]));
    const norms = tf.sqrt(tf.sum(tf.square(x), 1, true));
    return toMatrix(tf.divNoNan(x, norms));
  });
}

export type ContrastiveBatch = { query: number[]; positive: number[]; negatives: number[][] };

/**
 * Toy unit embeddings: the query and the positive are two "augmentations" of one image
 * (a shared base vector plus independent noise of size `noise`), the K negatives other
 * images (independent vectors). All drawn from `seed`.
 */
export function toyContrastiveBatch(
  seed: number,
  negatives: number,
  noise = 0.5,
  dim = 16,
): ContrastiveBatch {
  requireInput(
    Number.isInteger(negatives) && negatives >= 1,
    "negatives",
    negatives,
    "The queue needs at least one negative key.",
  );
  const [base = [], jitterQ = [], jitterK = []] = gaussianMatrix(seed, 3, dim);
  const keys = gaussianMatrix(seed + 104729, negatives, dim);
  const [query = [], positive = [], ...rest] = l2Normalize([
    base.map((b, d) => b + noise * (jitterQ[d] ?? 0)),
    base.map((b, d) => b + noise * (jitterK[d] ?? 0)),
    ...keys,
  ]);
  return { query, positive, negatives: rest };
}

export type InfoNceResult = {
  /** (q·k₊, q·k₁, …, q·k_K) / τ; index 0 is the positive. */
  logits: number[];
  /** softmax(logits). */
  probs: number[];
  loss: number;
};

export function infoNce(
  query: readonly number[],
  positive: readonly number[],
  negatives: readonly (readonly number[])[],
  temperature: number,
): InfoNceResult {
  requireInput(temperature > 0, "temperature", temperature, "The temperature τ must be positive.");
  requireInput(
    positive.length === query.length && negatives.every((k) => k.length === query.length),
    "negatives",
    negatives.length,
    "The query and every key must have the same dimension.",
  );
  return tf.tidy(() => {
    const keys = tf.tensor2d([[...positive], ...negatives.map((k) => [...k])]);
    const logits = tf.div(
      tf.squeeze(tf.matMul(keys, tf.tensor2d([[...query]]), false, true), [1]),
      temperature,
    );
    const loss = tf.sub(tf.logSumExp(logits), tf.gather(logits, 0));
    return {
      logits: toVector(logits),
      probs: toVector(tf.softmax(logits)),
      loss: toVector(loss)[0] ?? NaN,
    };
  });
}
