/**
 * MAE's random masking. Each of the N patches gets a uniform noise value; patches are
 * sorted by noise and the first
 *
 *   N_visible = ⌊N · (1 − r)⌋
 *
 * are kept (r is the mask ratio, 0.75 in the paper: 49 of 196 patches). Only the visible
 * patches go through the encoder; the decoder gets the encoded patches plus a shared mask
 * token at every masked position (restored to image order) and rebuilds the pixels. The
 * loss is the mean squared error over masked patches only:
 *
 *   L = Σ_i m_i · mean_d (x̂_id − x_id)² / Σ_i m_i,   m_i = 1 if patch i is masked.
 */
import { requireInput } from "../errors";
import { mulberry32 } from "../prng";
import { tf, toVector } from "../tf";

/**
 * ⌊N(1 − r)⌋, with a tiny tolerance: in floating point 100 · (1 − 0.9) is 9.999…, and the
 * ratio the reader set (90%) should keep 10 patches, not 9.
 */
export function visibleCount(n: number, ratio: number): number {
  requireInput(
    ratio >= 0 && ratio < 1,
    "ratio",
    ratio,
    "The mask ratio must be at least 0 and below 1.",
  );
  return Math.floor(n * (1 - ratio) + 1e-9);
}

export type Masking = {
  /** Indices of the visible patches, in the order the encoder receives them. */
  visible: number[];
  /** Indices of the masked patches, the ones the decoder must rebuild. */
  masked: number[];
  /** Per patch, in image order: 1 if masked, 0 if visible. */
  mask: number[];
  /** restore[i] = where patch i sits in the shuffled order (to unshuffle the decoder input). */
  restore: number[];
};

/** Seeded per-sample random masking, as in MAE's `random_masking`. */
export function randomMasking(n: number, ratio: number, seed: number): Masking {
  requireInput(Number.isInteger(n) && n > 0, "n", n, "There must be at least one patch.");
  const keep = visibleCount(n, ratio);
  const random = mulberry32(seed);
  const noise = Array.from({ length: n }, () => random());
  return tf.tidy(() => {
    // Ascending argsort of the noise: the largest values of −noise come first.
    const shuffle = tf.topk(tf.neg(tf.tensor1d(noise)), n).indices;
    const restore = tf.topk(tf.neg(tf.cast(shuffle, "float32")), n).indices;
    const shuffledMask = tf.concat([tf.zeros([keep]), tf.ones([n - keep])]);
    const mask = tf.gather(shuffledMask, restore);
    const order = toVector(shuffle);
    return {
      visible: order.slice(0, keep),
      masked: order.slice(keep),
      mask: toVector(mask),
      restore: toVector(restore),
    };
  });
}

/** The MAE loss: per-patch MSE, averaged over the masked patches only (0 if none are). */
export function maskedMse(
  prediction: readonly (readonly number[])[],
  target: readonly (readonly number[])[],
  mask: readonly number[],
): number {
  requireInput(
    prediction.length === target.length && target.length === mask.length,
    "prediction",
    prediction.length,
    "Prediction, target and mask must cover the same patches.",
  );
  return tf.tidy(() => {
    const perPatch = tf.mean(
      tf.squaredDifference(
        tf.tensor2d(prediction.map((p) => [...p])),
        tf.tensor2d(target.map((t) => [...t])),
      ),
      1,
    );
    const m = tf.tensor1d([...mask]);
    const count = tf.sum(m);
    const total = tf.sum(tf.mul(perPatch, m));
    return toVector(tf.divNoNan(total, count))[0] ?? 0;
  });
}
