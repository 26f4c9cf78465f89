import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/** Per question: how often this user answered it and how often not fully right (data/quiz-weak-spots.ts). */
export function questionHistoryQuery(userId: string) {
  return typedQuery(
    z.object({ questionId: z.string(), answered: z.number().int(), missed: z.number().int() }),
    Prisma.sql`
    SELECT a."questionId", count(*)::int AS answered, (count(*) FILTER (WHERE NOT a.correct))::int AS missed
    FROM "QuizAnswer" a JOIN "QuizAttempt" t ON t.id = a."attemptId"
    WHERE t."userId" = ${userId}
    GROUP BY a."questionId"`,
  );
}
