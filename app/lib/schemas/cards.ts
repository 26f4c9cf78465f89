import { z } from "zod";
import { clientIdSchema } from "./review";
import { storableText } from "./settings";

/** At most this many cards in one bulk control (the browser's largest page). */
export const MAX_BULK_CARDS = 500;

export const cardControlActionSchema = z.enum(["suspend", "unsuspend", "bury", "unbury", "flag", "reset"]);
export type CardControlAction = z.infer<typeof cardControlActionSchema>;

/** The controls that apply to a whole note at once. */
const NOTE_ACTIONS: ReadonlySet<CardControlAction> = new Set(["suspend", "unsuspend", "bury", "unbury"]);

/** At most this many cards in one note-scoped control (a note has a few dozen at most). */
export const MAX_NOTE_SCOPE_CARDS = 2000;

/** POST /api/cards/control: one control on one card (the review page) or a selection (the browser). */
export const cardControlSchema = z
  .object({
    clientId: clientIdSchema,
    cardIds: z
      .array(storableText(64, 1))
      .min(1, "Choose at least one card.")
      .max(MAX_BULK_CARDS, `At most ${MAX_BULK_CARDS} cards at once.`)
      .transform((ids) => [...new Set(ids)]),
    action: cardControlActionSchema,
    /** The flag to set (action "flag"): 0 none, 1 red, 2 orange, 3 green, 4 blue. */
    flag: z.int().min(0).max(4).optional(),
    /**
     * "note": every live card of the notes of `cardIds` (Anki's "bury note" `=` and "suspend
     * note" `!`); "card" (default): the cards named.
     */
    scope: z.enum(["card", "note"]).default("card"),
  })
  .refine((input) => input.action !== "flag" || input.flag !== undefined, {
    message: "Say which flag to set.",
    path: ["flag"],
  })
  .refine((input) => input.scope === "card" || NOTE_ACTIONS.has(input.action), {
    message: "A whole note can be suspended, buried, unsuspended or unburied; flag or reset its cards one by one.",
    path: ["scope"],
  });
export type CardControlInput = z.infer<typeof cardControlSchema>;
