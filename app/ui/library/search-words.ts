/**
 * The library's sentence for the filters that narrowed an empty search (the match count is a
 * plural message of the catalogues, "library.matchCount").
 */

/** Which filters narrowed an empty search, in words: "the area filter (Vision)", or null with none. */
export function activeFiltersText(area: string | null, tag: string | null): string | null {
  const parts = [area ? `the area filter (${area})` : null, tag ? `the tag filter (#${tag})` : null].filter(Boolean);
  if (parts.length === 0) return null;
  return `${parts.join(" and ")} ${parts.length === 1 ? "is" : "are"} on`;
}
