/**
 * Seeded randomness for the widgets. Every random picture (MAE masks, toy embeddings,
 * random boxes) comes from here, with the seed shown and editable in the view, so the
 * same seed always draws the same picture and a browser test can reproduce it.
 */

import { mulberry32 } from "@/app/lib/domain/random";

export { mulberry32 };

/**
 * Standard normal samples by Box–Muller: z = √(−2 ln u₁) · cos(2π u₂).
 * `1 − u` keeps the logarithm away from ln 0.
 */
export function gaussian(random: () => number): () => number {
  return () => {
    const u1 = 1 - random();
    const u2 = random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

/** A rows × cols matrix of standard normal samples from `seed`. */
export function gaussianMatrix(seed: number, rows: number, cols: number): number[][] {
  const normal = gaussian(mulberry32(seed));
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => normal()));
}
