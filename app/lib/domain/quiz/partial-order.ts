/**
 * Partial-order ordering questions (docs/content-format.md): `before: [[i, j], ...]` says item i
 * must come before item j (0-based indices into `items`, which stay listed in one valid order).
 * Only those constraints are scored; any order satisfying them all is fully right. Pure, no
 * imports: the content schemas, the pipeline, scoring and feedback all use these.
 */

/** `[i, j]`: item i must come before item j. */
export type BeforePair = readonly [number, number];

export interface BeforeProblem {
  /** Index of the offending pair in `before`, or null for the list as a whole. */
  at: number | null;
  message: string;
}

/**
 * What is wrong with `before` for `n` items listed in a valid order ([] when nothing is).
 * Rules: at least one pair; indices whole numbers in 0..n−1; i ≠ j; no pair twice; the listed
 * order satisfies every pair (i < j: so there is no cycle either); no pair follows from the
 * others (i before k before j already says i before j: counting it again would weigh that step
 * twice in the score).
 */
export function beforeProblems(before: readonly (readonly unknown[])[], n: number): BeforeProblem[] {
  if (before.length === 0)
    return [{ at: null, message: "before needs at least one [i, j] pair (leave it out to make the listed order the only right one)" }];
  const problems: BeforeProblem[] = [];
  const valid: [number, number, number][] = [];
  const seen = new Set<string>();
  before.forEach((pair, at) => {
    const [i, j] = pair;
    if (pair.length !== 2 || !isIndex(i, n) || !isIndex(j, n)) {
      problems.push({ at, message: `before pairs are [i, j] with item indices 0 to ${n - 1}: got ${JSON.stringify(pair)}` });
      return;
    }
    if (i === j) {
      problems.push({ at, message: `before [${i}, ${j}]: an item cannot come before itself` });
      return;
    }
    const key = `${i},${j}`;
    if (seen.has(key)) {
      problems.push({ at, message: `before lists [${i}, ${j}] twice` });
      return;
    }
    seen.add(key);
    if (i > j) {
      problems.push({
        at,
        message: `before [${i}, ${j}] contradicts the listed order (item ${j} is listed before item ${i}): list the items in an order that satisfies every pair`,
      });
      return;
    }
    valid.push([i, j, at]);
  });
  for (const [i, j, at] of valid) {
    const others = valid.filter(([a, b]) => a !== i || b !== j).map(([a, b]) => [a, b] as const);
    const via = pathBetween(i, j, others, n);
    if (via !== null) {
      problems.push({
        at,
        message: `before [${i}, ${j}] follows from the other pairs (${via.join(" before ")}): drop it, or the score counts that step twice`,
      });
    }
  }
  return problems;
}

/** For each pair of `before`: is it satisfied by `order` (original item indices, first to last)? */
export function satisfiedPairs(order: readonly number[], before: readonly BeforePair[]): boolean[] {
  const position = new Map<number, number>();
  order.forEach((item, at) => position.set(item, at));
  return before.map(([i, j]) => {
    const pi = position.get(i);
    const pj = position.get(j);
    return pi !== undefined && pj !== undefined && pi < pj;
  });
}

/** Share of the pairs `order` satisfies (1 when there are none). */
export function beforeScore(order: readonly number[], before: readonly BeforePair[]): number {
  if (before.length === 0) return 1;
  return satisfiedPairs(order, before).filter(Boolean).length / before.length;
}

/**
 * The pairs of items (a < b) that may come in either order: neither must precede the other,
 * directly or through a chain of pairs.
 */
export function eitherOrderPairs(n: number, before: readonly BeforePair[]): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (pathBetween(a, b, before, n) === null && pathBetween(b, a, before, n) === null) out.push([a, b]);
    }
  }
  return out;
}

/**
 * `order` (a permutation of item indices to show) unless it already satisfies every pair; then
 * the items of the first pair swap places, so the question is never shown solved.
 */
export function unsolvedOrder<T>(order: readonly T[], indexOf: (value: T) => number, before: readonly BeforePair[]): T[] {
  const out = [...order];
  const first = before[0];
  if (first === undefined) return out;
  if (!satisfiedPairs(out.map(indexOf), before).every(Boolean)) return out;
  const pi = out.findIndex((v) => indexOf(v) === first[0]);
  const pj = out.findIndex((v) => indexOf(v) === first[1]);
  if (pi === -1 || pj === -1) return out;
  const a = out[pi] as T;
  out[pi] = out[pj] as T;
  out[pj] = a;
  return out;
}

/** A chain from → … → to along the pairs (at least one step), or null. */
function pathBetween(from: number, to: number, pairs: readonly BeforePair[], n: number): number[] | null {
  const previous = new Map<number, number>();
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as number;
    for (const [a, b] of pairs) {
      if (a !== at || previous.has(b) || b === from || b < 0 || b >= n) continue;
      previous.set(b, at);
      if (b === to) {
        const path = [to];
        let step = to;
        while (step !== from) {
          step = previous.get(step) as number;
          path.unshift(step);
        }
        return path;
      }
      queue.push(b);
    }
  }
  return null;
}

function isIndex(value: unknown, n: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < n;
}
