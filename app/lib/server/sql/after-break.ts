import "#server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import type { BreakKind, BreakMove } from "@/app/lib/domain/scheduling";
import { visiblePaperSql } from "../data/visibility";
import { cardStateColumns, cardStateRowSchema } from "./card-state";
import { typedQuery } from "./typed-query";

/** The SQL of "I was away" / "I have time" (data/after-break.ts runs it, on pg). */

/** The user's live review cards (a retired, suspended or hidden card is not studied, so it is not moved). */
export function breakReviewCardsQuery(userId: string) {
  return typedQuery(
    cardStateRowSchema.extend({ cardId: z.string(), version: z.number().int() }),
    Prisma.sql`
    SELECT s."cardId", s.version, ${cardStateColumns("s")}
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL
       AND NOT s.suspended AND ${visiblePaperSql(userId)}`,
    "pg",
  );
}

/**
 * Moves the cards in one statement: each card state whose version is still the one planned
 * from gets its new due date and interval (and a new version, so an open review page's stale
 * answer is refused), and one RescheduleLog row, which the replay check reads. A card answered
 * in between is left alone. One row: how many moved (0 for no moves).
 */
export function applyBreakQuery(userId: string, kind: BreakKind, moves: readonly BreakMove[], now: Date) {
  const column = <T>(pick: (m: BreakMove) => T) => moves.map(pick);
  return typedQuery(
    z.object({ n: z.number().int() }),
    Prisma.sql`
    WITH m AS (
      SELECT * FROM unnest(${column((m) => m.cardId)}::text[], ${column((m) => m.version)}::int[],
                           ${column((m) => m.due.toISOString())}::timestamp[], ${column((m) => m.scheduledDays)}::int[],
                           ${column((m) => m.fromDue.toISOString())}::timestamp[], ${column((m) => m.fromScheduledDays)}::int[],
                           ${column(() => randomUUID())}::text[])
               AS m("cardId", version, due, days, "fromDue", "fromDays", id)
    ), up AS (
      UPDATE "CardState" s SET due = m.due, "scheduledDays" = m.days, version = s.version + 1, "updatedAt" = ${now}
        FROM m WHERE s."userId" = ${userId} AND s."cardId" = m."cardId" AND s.version = m.version
      RETURNING s."cardId"
    ), logged AS (
      INSERT INTO "RescheduleLog" (id, "userId", "cardId", kind, at, "dueBefore", "dueAfter", "scheduledDaysBefore", "scheduledDaysAfter", "createdAt")
      SELECT m.id, ${userId}, m."cardId", ${kind}, ${now}, m."fromDue", m.due, m."fromDays", m.days, ${now}
        FROM m JOIN up ON up."cardId" = m."cardId"
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM logged`,
    "pg",
  );
}
