"use server";
import { ownNoteRefSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { deleteOwnNote as deleteNote } from "../data/own-notes";
import { withOwnNoteMessages } from "../own-note-messages";

/** Deletes one of the user's own notes; it can be restored for 30 days. */
export const deleteOwnNote = authedAction(ownNoteRefSchema, async (user, { id }) => withOwnNoteMessages(() => deleteNote(user.id, id, new Date())));
