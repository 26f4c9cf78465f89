import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/** Review-session answers and their time from `dayStart` to `now` (one row; `ms` a bigint through Prisma, null over none). */
export function answersTodayQuery(userId: string, dayStart: Date, now: Date) {
  return typedQuery(
    z.object({ n: z.number().int(), ms: z.union([z.bigint(), z.number()]).nullable() }),
    Prisma.sql`
    SELECT count(*)::int AS n, sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND "reviewedAt" <= ${now} AND source = 'review'`,
  );
}
