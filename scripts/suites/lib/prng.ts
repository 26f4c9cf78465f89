/** mulberry32: a small seeded PRNG, so a fuzz run can be replayed with --seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromArgs(argv: string[]): number {
  const i = argv.indexOf("--seed");
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--seed="))?.slice(7);
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${given}`);
  return seed;
}
