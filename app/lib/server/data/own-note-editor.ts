import "#server-only";
import { db } from "../db";

/** What the editor checks a note against in the browser: the slugs its author can see, their notes' prerequisites. */
export async function ownNoteEditorContext(userId: string, exceptId: string | null) {
  const [corpus, own] = await Promise.all([
    db.paper.findMany({ where: { ownerId: null, retiredAt: null }, select: { slug: true }, orderBy: { sortKey: "asc" } }),
    db.paper.findMany({ where: { ownerId: userId, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { slug: true, prerequisites: true, retiredAt: true } }),
  ]);
  return {
    knownSlugs: [...corpus.map((p) => p.slug), ...own.filter((p) => !p.retiredAt).map((p) => p.slug)],
    ownPrerequisites: own.map((p): [string, string[]] => [p.slug, p.prerequisites]),
  };
}
