import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { stateToCode, type StoredCardState } from "@/app/lib/domain/scheduling";
import { visiblePaperSql } from "../data/visibility";
import { cardStateColumns, cardStateRowSchema } from "./card-state";
import { typedQuery } from "./typed-query";

/**
 * The SQL of the card controls (suspend, bury, flag, reset and their undo; data/card-controls.ts
 * runs it in its transactions, so every statement is a "prisma" one: see `rowsIn`).
 */

/** A state row with the controls on it: what a control reads, locks and writes back. */
export const controlRowSchema = cardStateRowSchema.extend({
  cardId: z.string(),
  version: z.number().int(),
  suspended: z.boolean(),
  buriedUntil: z.date().nullable(),
  flag: z.number().int(),
  leech: z.boolean(),
});
export type ControlRow = z.infer<typeof controlRowSchema>;

const CONTROL_COLUMNS = Prisma.sql`s."cardId", s.version, s.suspended, s."buriedUntil", s.flag, s.leech,
  ${cardStateColumns("s")}`;

/** How many of `cardIds` are live cards of live notes the user can see (one row). */
export function visibleCardCountQuery(userId: string, cardIds: string[]) {
  return typedQuery(
    z.object({ n: z.number().int() }),
    Prisma.sql`
    SELECT count(*)::int AS n FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
     WHERE c.id = ANY(${cardIds}::text[]) AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL
       AND ${visiblePaperSql(userId)}`,
  );
}

/** Every live card of the notes of `cardIds`, for a note-scoped control. */
export function cardsOfTheirNotesQuery(userId: string, cardIds: string[]) {
  return typedQuery(
    z.object({ id: z.string() }),
    Prisma.sql`
    SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
     WHERE c."paperId" IN (SELECT "paperId" FROM "Card" WHERE id = ANY(${cardIds}::text[]))
       AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}
     ORDER BY c.id`,
  );
}

/** The controls of the user's states of `cardIds`, unlocked (a resent control's acknowledgement). */
export function cardControlsQuery(userId: string, cardIds: string[]) {
  return typedQuery(
    controlRowSchema,
    Prisma.sql`
        SELECT ${CONTROL_COLUMNS} FROM "CardState" s
         WHERE s."userId" = ${userId} AND s."cardId" = ANY(${cardIds}::text[])`,
  );
}

/** The user's states of `cardIds` with their controls, locked in card order (no deadlock between two controls). */
export function lockedCardControlsQuery(userId: string, cardIds: string[]) {
  return typedQuery(
    controlRowSchema,
    Prisma.sql`
      SELECT ${CONTROL_COLUMNS} FROM "CardState" s
       WHERE s."userId" = ${userId} AND s."cardId" = ANY(${cardIds}::text[])
       ORDER BY s."cardId" FOR UPDATE`,
  );
}

/** A new state row for each of `cardIds` never studied (a new card's controls live there too). */
export function insertMissingStatesStatement(userId: string, cardIds: string[], due: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                               "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt")
      SELECT ${userId}, id, ${due}, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, ${now}
        FROM unnest(${cardIds}::text[]) AS id
      ON CONFLICT ("userId", "cardId") DO NOTHING`;
}

/**
 * Writes a card's controls and scheduler state back; `now` stamps "updatedAt" (a control does,
 * its undo leaves the stamp as it was).
 */
export function writeControlsStatement(
  userId: string,
  cardId: string,
  next: Pick<ControlRow, "suspended" | "buriedUntil" | "flag" | "version">,
  state: StoredCardState,
  now: Date | null,
): Prisma.Sql {
  const updatedAt = now ? Prisma.sql`, "updatedAt" = ${now}` : Prisma.empty;
  return Prisma.sql`
        UPDATE "CardState" SET suspended = ${next.suspended}, "buriedUntil" = ${next.buriedUntil}, flag = ${next.flag},
               due = ${state.due}, stability = ${state.stability}, difficulty = ${state.difficulty},
               "elapsedDays" = ${state.elapsedDays}, "scheduledDays" = ${state.scheduledDays},
               "learningSteps" = ${state.learningSteps}, reps = ${state.reps}, lapses = ${state.lapses},
               state = ${stateToCode(state.state)}, "lastReview" = ${state.lastReview},
               version = ${next.version}${updatedAt}
         WHERE "userId" = ${userId} AND "cardId" = ${cardId}`;
}
