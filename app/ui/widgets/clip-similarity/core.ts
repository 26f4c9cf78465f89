/**
 * CLIP's training objective on a batch of N (image, text) pairs with unit embeddings
 * I_i and T_j. The logits are scaled cosine similarities
 *
 *   L_ij = s · I_i · T_j,   s = exp(t)
 *
 * where t is the learned log inverse-temperature (initialised to log(1/0.07), so s ≈ 14.3,
 * and clipped so that s ≤ 100). The loss is the symmetric cross-entropy with the matching
 * pair on the diagonal:
 *
 *   ℒ = ½ · [ (1/N) Σ_i −log softmax_j(L_i·)_i  +  (1/N) Σ_j −log softmax_i(L_·j)_j ]
 *
 * Zero-shot classification reuses the same scores: embed one prompt per class ("a photo of
 * a {class}") and pick the class whose prompt has the highest softmax(s · I · T_c).
 */
import { requireInput } from "../errors";
import { l2Normalize } from "../infonce-queue/core";
import { gaussianMatrix } from "../prng";
import { tf, toMatrix, toVector } from "../tf";

/** CLIP's initial log inverse-temperature, log(1/0.07). */
export const INITIAL_LOG_SCALE = Math.log(1 / 0.07);
/** CLIP clips the scale at 100 to keep training stable. */
export const MAX_LOGIT_SCALE = 100;

/** s = exp(t), clipped to at most 100 as in CLIP. */
export function logitScale(logTemperature: number): number {
  return Math.min(Math.exp(logTemperature), MAX_LOGIT_SCALE);
}

export type ClipBatch = { images: number[][]; texts: number[][] };

/**
 * Toy embeddings: text j describes image j, so each text is its image's vector plus noise
 * of size `noise`; all rows normalised. Larger noise means a worse-aligned model.
 */
export function toyClipBatch(seed: number, n: number, noise: number, dim = 16): ClipBatch {
  requireInput(Number.isInteger(n) && n >= 1, "n", n, "The batch needs at least one pair.");
  const base = gaussianMatrix(seed, n, dim);
  const jitter = gaussianMatrix(seed + 15485863, n, dim);
  const images = l2Normalize(base);
  const texts = l2Normalize(
    base.map((row, i) => row.map((v, d) => v + noise * (jitter[i]?.[d] ?? 0))),
  );
  return { images, texts };
}

export type ClipLoss = {
  /** N × N: similarity scaled by s; row i = image i, column j = text j. */
  logits: number[][];
  /** Cross-entropy of each image choosing its text, averaged. */
  imageToText: number;
  /** Cross-entropy of each text choosing its image, averaged. */
  textToImage: number;
  /** (imageToText + textToImage) / 2. */
  loss: number;
};

export function clipLoss(
  images: readonly (readonly number[])[],
  texts: readonly (readonly number[])[],
  scale: number,
): ClipLoss {
  requireInput(
    images.length === texts.length && images.length > 0,
    "texts",
    texts.length,
    "There must be one text per image.",
  );
  requireInput(scale > 0, "scale", scale, "The logit scale must be positive.");
  return tf.tidy(() => {
    const logits = tf.mul(
      scale,
      tf.matMul(
        tf.tensor2d(images.map((r) => [...r])),
        tf.tensor2d(texts.map((r) => [...r])),
        false,
        true,
      ),
    );
    const diagonal = tf.sum(tf.mul(logits, tf.eye(images.length)), 1);
    const imageToText = tf.mean(tf.sub(tf.logSumExp(logits, 1), diagonal));
    const textToImage = tf.mean(tf.sub(tf.logSumExp(logits, 0), diagonal));
    const [i2t = NaN] = toVector(imageToText);
    const [t2i = NaN] = toVector(textToImage);
    return { logits: toMatrix(logits), imageToText: i2t, textToImage: t2i, loss: (i2t + t2i) / 2 };
  });
}

/** Zero-shot class probabilities of one image against one prompt embedding per class. */
export function zeroShot(
  image: readonly number[],
  prompts: readonly (readonly number[])[],
  scale: number,
): number[] {
  requireInput(
    prompts.length > 0,
    "prompts",
    prompts.length,
    "Zero-shot classification needs at least one class prompt.",
  );
  return tf.tidy(() =>
    toVector(
      tf.softmax(
        tf.mul(
          scale,
          tf.squeeze(
            tf.matMul(
              tf.tensor2d(prompts.map((p) => [...p])),
              tf.tensor2d([[...image]]),
              false,
              true,
            ),
            [1],
          ),
        ),
      ),
    ),
  );
}
