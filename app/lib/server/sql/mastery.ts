import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { visiblePaperSql } from "../data/visibility";
import { cardStateColumns, cardStateRowSchema } from "./card-state";
import { typedQuery } from "./typed-query";

/** The SQL of the notes' mastery (data/mastery.ts runs it). */

/** How many live cards each note the user sees has. */
export function liveCardsPerPaperQuery(userId: string) {
  return typedQuery(
    z.object({ paperId: z.string(), n: z.number().int() }),
    Prisma.sql`
      SELECT c."paperId", count(*)::int AS n
        FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
       WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}
       GROUP BY c."paperId"`,
  );
}

/** The user's studied states of live cards, with their note. */
export function studiedStatesByPaperQuery(userId: string) {
  return typedQuery(
    cardStateRowSchema.extend({ paperId: z.string() }),
    Prisma.sql`
      SELECT c."paperId", ${cardStateColumns("s")}
        FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
       WHERE s."userId" = ${userId} AND s.state <> 0
         AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}`,
  );
}
