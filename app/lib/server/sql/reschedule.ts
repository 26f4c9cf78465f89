import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/**
 * The reads of a replay (data/reschedule.ts): on pg, not Prisma, since reading a long log row
 * by row through Prisma costs ~10× the CPU.
 */

/** The user's logs of `cardIds` (or of every card), in card then time order: what a replay reads of each answer. */
export function replayLogsQuery(userId: string, cardIds: readonly string[] | null) {
  return typedQuery(
    z.object({ cardId: z.string(), rating: z.number().int(), state: z.number().int(), reviewedAt: z.date() }),
    Prisma.sql`
    SELECT "cardId", rating, state, "reviewedAt" FROM "ReviewLog"
     WHERE "userId" = ${userId} ${cardIds ? Prisma.sql`AND "cardId" = ANY(${[...cardIds]}::text[])` : Prisma.empty}
     ORDER BY "cardId", "reviewedAt", "createdAt"`,
    "pg",
  );
}

/** The versions of the user's states of `cardIds` (or of every card). */
export function stateVersionsQuery(userId: string, cardIds: readonly string[] | null) {
  return typedQuery(
    z.object({ cardId: z.string(), version: z.number().int() }),
    Prisma.sql`
    SELECT "cardId", version FROM "CardState"
     WHERE "userId" = ${userId} ${cardIds ? Prisma.sql`AND "cardId" = ANY(${[...cardIds]}::text[])` : Prisma.empty}`,
    "pg",
  );
}
