"use server";
import { saveOwnNoteSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { createOwnNote, updateOwnNote } from "../data/own-notes";
import { tooManySaves, withOwnNoteMessages } from "../own-note-messages";

/**
 * Saves one of the user's own notes (creates it without an id): valid, or a draft with every
 * error and its line. Autosaves come here too, so the per-minute limit counts them.
 */
export const saveOwnNote = authedAction(saveOwnNoteSchema, async (user, input) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) {
    throw await tooManySaves(wait, true);
  }
  const now = new Date();
  return withOwnNoteMessages(() => (input.id ? updateOwnNote(user.id, input.id, input.source, now, input.baseUpdatedAt) : createOwnNote(user.id, input.source, now)));
});
