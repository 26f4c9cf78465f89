import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/**
 * Marks a fit as running unless one already is and is younger than `staleMs` (optimizer.ts):
 * one statement, so two instances asked at once cannot both start. A row back: this caller may run it.
 */
export function claimOptimizerJobQuery(userId: string, jobJson: string, staleMs: number) {
  return typedQuery(
    z.object({ userId: z.string() }),
    Prisma.sql`
    INSERT INTO "OptimizerJob" ("userId", "job", "updatedAt")
    VALUES (${userId}, ${jobJson}::jsonb, now())
    ON CONFLICT ("userId") DO UPDATE SET "job" = EXCLUDED."job", "updatedAt" = now()
    WHERE "OptimizerJob"."job"->>'state' <> 'running'
       OR "OptimizerJob"."updatedAt" < now() - make_interval(secs => ${staleMs / 1000})
    RETURNING "userId"`,
  );
}
