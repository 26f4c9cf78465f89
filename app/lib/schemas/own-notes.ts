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

const cardSide = (which: string) =>
  z
    .string({ error: `The card's ${which} is missing.` })
    .trim()
    .min(1, `Write the card's ${which}.`)
    .max(2000, `A card's ${which} may be at most 2,000 characters.`)
    .refine((text) => !text.includes("\u0000"), `The ${which} holds a NUL character, which a card cannot store.`);

/** "Add my own card here": a corpus note's section (its heading id) and the card's two sides. */
export const addPassageCardSchema = z.object({
  slug: copyCorpusNoteSchema.shape.slug,
  anchor: z.string().min(1, "Which section?").max(200, "That is not a section of this note."),
  front: cardSide("front"),
  back: cardSide("back"),
});

/** A personal card by its id (a cuid), edited or deleted. */
export const passageCardRefSchema = z.object({ id: ownNoteIdSchema });
export const updatePassageCardSchema = passageCardRefSchema.extend({ front: cardSide("front"), back: cardSide("back") });
