import { z } from "zod";

/** "I was away" (postpone) / "I have time" (advance): what to move, previewed, then applied. */
export const breakRequestSchema = z.object({
  kind: z.enum(["postpone", "advance"]),
  limit: z.int("Use a whole number.").min(1, "Move at least 1 card.").max(10_000, "At most 10,000 cards at once."),
  /** Postpone only: the recall probability the postponed cards may fall to. */
  floor: z.number().min(0.5, "At least 0.50.").max(0.99, "At most 0.99.").optional(),
});
export type BreakRequestInput = z.infer<typeof breakRequestSchema>;
