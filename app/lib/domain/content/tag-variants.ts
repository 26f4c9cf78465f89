/**
 * Tags that are one tag spelled two ways: `transformer`/`transformers`,
 * `vision-language`/`vision-and-language`, `language-model`/`language-modeling`. The library's
 * tag list shows each tag once, so `content:check` flags the second spelling.
 */

/** Joining words that do not change what a tag means ("vision-and-language" = "vision-language"). */
const CONNECTORS = new Set(["and", "of", "the", "for"]);

/**
 * The spelling-free key of a tag: its dash-separated words, connectors dropped, each word
 * without an "-ing" ending (modeling → model) or a plural "s" (transformers → transformer).
 * Two tags with one key are near-duplicates.
 */
export function tagKey(tag: string): string {
  return tag
    .toLowerCase()
    .split("-")
    .filter((word) => word && !CONNECTORS.has(word))
    .map((word) => {
      let stem = word;
      if (stem.length > 5 && stem.endsWith("ing")) stem = stem.slice(0, -3);
      if (stem.length > 3 && stem.endsWith("s") && !stem.endsWith("ss")) stem = stem.slice(0, -1);
      return stem;
    })
    .join("-");
}

export interface TagVariant {
  /** The spelling to replace. */
  tag: string;
  /** The spelling to use: the one more notes use (the shorter on a tie, then the first alphabetically). */
  use: string;
}

/** Each tag of `usage` (tag → how many notes use it) that is a near-duplicate of a more used one. */
export function tagVariants(usage: ReadonlyMap<string, number>): TagVariant[] {
  const groups = new Map<string, string[]>();
  for (const tag of usage.keys()) {
    const key = tagKey(tag);
    groups.set(key, [...(groups.get(key) ?? []), tag]);
  }
  const out: TagVariant[] = [];
  for (const tags of groups.values()) {
    if (tags.length < 2) continue;
    const [use, ...rest] = [...tags].sort((a, b) => (usage.get(b) ?? 0) - (usage.get(a) ?? 0) || a.length - b.length || a.localeCompare(b));
    if (use === undefined) continue;
    for (const tag of rest) out.push({ tag, use });
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}
