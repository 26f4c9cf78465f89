/** The names a note gives things: its slug from its file name, and its key terms' slugs. */

/** The slug a file declares by its name: `content/moco.md` → `moco`. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, "");
}

/** `term-` and the FNV-1a hash (32 bits, hex) of a term's text: a name for a term slugify cannot spell. */
export function termHashSlug(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `term-${hash.toString(16).padStart(8, "0")}`;
}

/** Lowercase ASCII slug of a term: accents dropped, markdown and math markers ignored. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\\[a-z]+/g, (command) => command.slice(1)) // $\tau$ → tau
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}

