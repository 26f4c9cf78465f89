/**
 * Stable hashes for content, so a sync can tell an unchanged note, card or question from a
 * changed one, and seeded choices (distractors, shuffles) that never use Math.random.
 */
// Node's crypto on the server, plain JavaScript in the browser (the editor's preview): package.json "imports".
import { sha256Hex } from "#sha256";
import { mulberry32 } from "../random";

/**
 * JSON with object keys sorted, so two equal values always serialise (and hash) the same
 * whatever order their keys were built in. `undefined` members are dropped, as in JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 of the canonical JSON, first 16 hex digits (64 bits: ample for a few thousand items). */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 16);
}

/** FNV-1a, 32 bits: a cheap, stable number from a string, used to seed choices. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Fisher–Yates shuffle seeded by `seed`. With `avoidIdentity` a list of 2+ distinct items never
 * comes back in its original order (an ordering question shown already solved is no question).
 */
export function seededShuffle<T>(items: readonly T[], seed: string, avoidIdentity = false): T[] {
  const out = [...items];
  const random = mulberry32(hash32(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  if (avoidIdentity && out.length > 1 && out.every((item, i) => item === items[i])) {
    out.push(out.shift() as T);
  }
  return out;
}
