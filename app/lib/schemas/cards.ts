import { z } from "zod";
import { clientIdSchema } from "./review";
import { storableText } from "./settings";

/** At most this many cards in one bulk control (the browser's largest page). */
export const MAX_BULK_CARDS = 500;

export const cardControlActionSchema = z.enum(["suspend", "unsuspend", "bury", "unbury", "flag", "reset"]);
export type CardControlAction = z.infer<typeof cardControlActionSchema>;

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
  })
  .refine((input) => input.action !== "flag" || input.flag !== undefined, {
    message: "Say which flag to set.",
    path: ["flag"],
  });
export type CardControlInput = z.infer<typeof cardControlSchema>;
