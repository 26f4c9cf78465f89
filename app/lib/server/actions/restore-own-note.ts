"use server";
import { ownNoteRefSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { restoreOwnNote as restoreNote } from "../data/own-notes";
import { withOwnNoteMessages } from "../own-note-messages";

/** Restores one of the user's own notes deleted in the last 30 days, with its cards and reviews. */
export const restoreOwnNote = authedAction(ownNoteRefSchema, async (user, { id }) => {
  await withOwnNoteMessages(() => restoreNote(user.id, id, new Date()));
  return { restored: true };
});
