/**
 * Seeded randomness for the widgets. Every random picture (MAE masks, toy embeddings,
 * random boxes) comes from here, with the seed shown and editable in the view, so the
 * same seed always draws the same picture and a browser test can reproduce it.
 */

/**
 * mulberry32: a 32-bit generator, tiny and good enough for pictures (not for
 * cryptography). Returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** A rows × cols matrix of uniform samples in [0, 1) from `seed`. */
export function uniformMatrix(seed: number, rows: number, cols: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => random()));
}
