import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { stateFromCode, type StoredCardState } from "@/app/lib/domain/scheduling";

/**
 * The one shape of a `CardState` row as raw SQL reads it (the scheduler's columns, the version
 * and the flag), for the app and the benchmarks alike. The schema is the type: the rows are
 * cast on the hot path (no per-row parse) and parsed against the real database in
 * tests/integration/sql-rows.test.ts, so a renamed or retyped column fails there or in tsc.
 *
 * Adding a column the scheduler needs: the migration, this schema, `CARD_STATE_COLUMNS`,
 * `storedStateOf` (and StoredCardState in the domain); every query selecting the state's
 * columns selects them through `cardStateColumns`.
 */
export const cardStateRowSchema = z.object({
  due: z.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int(),
  lastReview: z.date().nullable(),
});
export type CardStateRow = z.infer<typeof cardStateRowSchema>;

/** A state row with what optimistic concurrency and the review page add to it. */
export const versionedCardStateRowSchema = cardStateRowSchema.extend({
  version: z.number().int(),
  flag: z.number().int(),
});
export type VersionedCardStateRow = z.infer<typeof versionedCardStateRowSchema>;

/** The scheduler's columns of `CardState` in the order of `cardStateRowSchema`. */
export const CARD_STATE_COLUMNS = Object.keys(cardStateRowSchema.shape) as (keyof CardStateRow)[];

/** `alias."due", alias."stability", …`: the state's columns of the table aliased `alias`. */
export function cardStateColumns(alias: string, extra: readonly (keyof VersionedCardStateRow)[] = []): Prisma.Sql {
  return Prisma.raw([...CARD_STATE_COLUMNS, ...extra].map((column) => `${alias}."${column}"`).join(", "));
}

export function storedStateOf(row: CardStateRow): StoredCardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: stateFromCode(row.state),
    lastReview: row.lastReview,
  };
}
