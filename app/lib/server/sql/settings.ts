import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/**
 * Adds `count` to today's extra new cards (at most `max`; a raise from an earlier day counts
 * for nothing), in one statement so two raises at once both count (data/settings.ts). One row
 * back for a user with settings: the extra now.
 */
export function addNewCardsTodayQuery(userId: string, count: number, today: string, max: number) {
  return typedQuery(
    z.object({ extraNew: z.number().int() }),
    Prisma.sql`
    UPDATE "UserSettings"
       SET "extraNew" = LEAST(${max}, CASE WHEN "extraNewDay" = ${today} THEN "extraNew" ELSE 0 END + ${count}),
           "extraNewDay" = ${today}, "updatedAt" = now()
     WHERE "userId" = ${userId}
     RETURNING "extraNew"`,
  );
}
