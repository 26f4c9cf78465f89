"use server";
import { getTranslations } from "next-intl/server";
import { copyCorpusNoteSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { copyCorpusNote as copyNote } from "../data/own-note-copy";
import { tooManySaves, withOwnNoteMessages } from "../own-note-messages";

/**
 * "Make my own copy" of a corpus note: a new own note the user can edit, its title marked as a
 * copy in the user's language. A copy is a save, so the per-minute save limit counts it.
 */
export const copyCorpusNote = authedAction(copyCorpusNoteSchema, async (user, { slug }) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw await tooManySaves(wait, false);
  const t = await getTranslations("note");
  const saved = await withOwnNoteMessages(() => copyNote(user.id, slug, (title) => t("copyTitle", { title }), new Date()));
  return { id: saved.id };
});
