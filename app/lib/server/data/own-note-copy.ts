import "#server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { markCopyTitle, NoteCopyError } from "@/app/lib/domain/content/note-copy";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { createOwnNote, type SavedOwnNote } from "./own-notes";

/** The corpus folder the content sync reads (the server runs from the project's root). */
export const CORPUS_DIR = path.join(process.cwd(), "content");

/** A corpus slug as the content files name them: nothing that could leave the folder. */
const CORPUS_SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

/**
 * "Make my own copy" (issue 17): a new own note from a live corpus note's markdown file, title
 * marked by `markTitle`. It is created as any new note is (createOwnNote: the note count limit,
 * a new slug, new card and question rows), so none of the original's review history comes
 * along: the copy's cards are new cards.
 */
export async function copyCorpusNote(userId: string, slug: string, markTitle: (title: string) => string, now: Date, dir = CORPUS_DIR): Promise<SavedOwnNote> {
  const missing = new NotFoundError("There is no such note in the corpus.");
  if (!CORPUS_SLUG.test(slug)) throw missing;
  const paper = await db.paper.findFirst({ where: { slug, ownerId: null, retiredAt: null }, select: { id: true } });
  if (!paper) throw missing;
  const source = await readFile(path.join(dir, `${slug}.md`), "utf8").catch(() => null);
  if (source === null) throw new NotFoundError("This note's source file is not on this server, so it cannot be copied.");
  let text: string;
  try {
    text = markCopyTitle(source, markTitle);
  } catch (error) {
    if (error instanceof NoteCopyError) throw new NotFoundError(`This note cannot be copied: ${error.message}.`);
    throw error;
  }
  return createOwnNote(userId, text, now);
}
