import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { visiblePaperSql } from "../data/visibility";
import { typedQuery } from "./typed-query";

/** The reads of the optimal-retention simulation's input (data/retention-simulation.ts), on pg. */

/** The memory of the user's live, unsuspended review cards. */
export function simulatedCardsQuery(userId: string) {
  return typedQuery(
    z.object({ stability: z.number(), difficulty: z.number(), lastReview: z.date(), due: z.date() }),
    Prisma.sql`
      SELECT s.stability, s.difficulty, s."lastReview", s.due
        FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
       WHERE s."userId" = ${userId} AND s.state = 2 AND s.stability > 0 AND s."lastReview" IS NOT NULL
         AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND NOT s.suspended AND ${visiblePaperSql(userId)}`,
    "pg",
  );
}

/** The user's last `limit` review answers (newest first): their durations by kind. */
export function answerDurationsQuery(userId: string, limit: number) {
  return typedQuery(
    z.object({ state: z.number().int(), rating: z.number().int(), durationMs: z.number().int() }),
    Prisma.sql`
      SELECT state, rating, "durationMs" FROM "ReviewLog"
       WHERE "userId" = ${userId} AND source = 'review' ORDER BY "reviewedAt" DESC LIMIT ${limit}`,
    "pg",
  );
}
