/**
 * Seeded randomness for quizzes: the same seed always gives the same order, so an attempt can
 * be shown again (or scored) from its stored seed without storing every permutation.
 */
import { mulberry32 } from "../random";

/** A 32-bit hash of a string seed (FNV-1a, then a murmur3 finaliser to spread the bits). */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 seeded from a string: uniform numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/**
 * A seeded permutation of 0..n-1 (Fisher–Yates driven by `seededRandom(seed)`):
 * `result[i]` is the original index placed at position i.
 */
export function seededPermutation(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = order[i] ?? i;
    order[i] = order[j] ?? j;
    order[j] = a;
  }
  return order;
}

/** The items in a seeded random order (a new array; the input is left alone). */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  // Every index comes from 0..length-1, so each lookup hits an element.
  return seededPermutation(items.length, seed).map((index) => items[index] as T);
}
