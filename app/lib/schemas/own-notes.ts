import { z } from "zod";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";

/** A note id as the database makes them (cuid); anything else is a 400, never a query. */
export const ownNoteIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/, "That is not a note id.");

/**
 * A save from the editor. The text may be a little over the size limit here so that a note a bit
 * too large is saved as a draft with a message that says its size; beyond that the request
 * itself is refused.
 */
export const saveOwnNoteSchema = z.object({
  id: ownNoteIdSchema.optional(),
  source: z
    .string({ error: "The note's text is missing." })
    .max(OWN_NOTE_LIMITS.maxBytes + 50 * 1024, `A note may be at most ${OWN_NOTE_LIMITS.maxBytes / 1024} KB.`)
    .refine((text) => !text.includes("\u0000"), "The text holds a NUL character, which a note cannot store."),
  /** The version the editor started from (its last save): a newer save elsewhere is a 409. */
  baseUpdatedAt: z.iso.datetime().optional(),
});
export type SaveOwnNoteInput = z.infer<typeof saveOwnNoteSchema>;

export const ownNoteRefSchema = z.object({ id: ownNoteIdSchema });

/** "Make my own copy" of a corpus note, named by its slug. */
export const copyCorpusNoteSchema = z.object({
  slug: z.string().min(1, "Which note?").max(120, "A note's slug is at most 120 characters."),
});
