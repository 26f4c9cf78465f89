/**
 * Batch norm vs layer norm on a batch × features grid. Both compute
 *
 *   x̂ = (x − μ) / √(σ² + ε)
 *
 * with the biased (population) variance σ² = mean((x − μ)²), as in training; they differ
 * only in the axis the statistics run over: batch norm per feature (down each column, over
 * the batch), layer norm per example (along each row, over the features). The learned
 * scale γ and shift β are left at 1 and 0 because they do not change the comparison.
 */
import { requireInput } from "../errors";
import { tf, toMatrix, toVector } from "../tf";

export type NormResult = {
  /** One mean per group: per column for batch norm, per row for layer norm. */
  mean: number[];
  /** One biased variance per group, same order as `mean`. */
  variance: number[];
  /** The normalised grid, same shape as the input. */
  normalized: number[][];
};

export const DEFAULT_EPSILON = 1e-5;

function checkGrid(x: readonly (readonly number[])[]): void {
  const width = x[0]?.length ?? 0;
  requireInput(
    x.length > 0 && width > 0,
    "x",
    x,
    "The grid needs at least one row and one column.",
  );
  requireInput(
    x.every((row) => row.length === width),
    "x",
    x,
    "Every row of the grid needs the same number of features.",
  );
}

function normalize(x: readonly (readonly number[])[], axis: 0 | 1, epsilon: number): NormResult {
  checkGrid(x);
  requireInput(epsilon >= 0, "epsilon", epsilon, "ε must be zero or positive.");
  return tf.tidy(() => {
    const input = tf.tensor2d(x.map((row) => [...row]));
    const { mean, variance } = tf.moments(input, axis, true);
    const normalized = tf.div(tf.sub(input, mean), tf.sqrt(tf.add(variance, epsilon)));
    return {
      mean: toVector(mean),
      variance: toVector(variance),
      normalized: toMatrix(normalized),
    };
  });
}

/** Batch norm statistics: per feature (column), over the batch (rows). */
export function batchNorm(
  x: readonly (readonly number[])[],
  epsilon = DEFAULT_EPSILON,
): NormResult {
  return normalize(x, 0, epsilon);
}

/** Layer norm statistics: per example (row), over its features (columns). */
export function layerNorm(
  x: readonly (readonly number[])[],
  epsilon = DEFAULT_EPSILON,
): NormResult {
  return normalize(x, 1, epsilon);
}
