/**
 * The library's search sentences, with English plurals chosen by `Intl.PluralRules` (one rule
 * for every count, not `n === 1` here and there).
 */
const plural = new Intl.PluralRules("en");

/** "1 note matches “moco”", "3 notes match “moco”", "0 notes match “x”". */
export function matchCountText(count: number, q: string): string {
  return plural.select(count) === "one" ? `${count} note matches “${q}”` : `${count} notes match “${q}”`;
}

/** Which filters narrowed an empty search, in words: "the area filter (Vision)", or null with none. */
export function activeFiltersText(area: string | null, tag: string | null): string | null {
  const parts = [area ? `the area filter (${area})` : null, tag ? `the tag filter (#${tag})` : null].filter(Boolean);
  if (parts.length === 0) return null;
  return `${parts.join(" and ")} ${parts.length === 1 ? "is" : "are"} on`;
}
