import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { typedQuery } from "./typed-query";

/**
 * The user's cards other than `cardId` (suspended ones do not come up) due in each of the days
 * between `bounds` (bucket i: from bounds[i-1] to bounds[i]): a range scan per studied state of
 * the (userId, state, due) index. Run on pg (the answer path reads it); the answer's write
 * statement also embeds its `.sql` as a CTE (data/load-balance.ts `balancedDaySql`).
 */
export function dueCountsQuery(userId: string, cardId: string | null, bounds: Date[]) {
  const first = bounds[0] ?? new Date(0);
  const last = bounds[bounds.length - 1] ?? first;
  return typedQuery(
    z.object({ bucket: z.number().int(), n: z.number().int() }),
    Prisma.sql`
    SELECT width_bucket(s.due, ${bounds.map((b) => b.toISOString())}::timestamp[]) AS bucket, count(*)::int AS n
      FROM "CardState" s
     WHERE s."userId" = ${userId} AND s.state IN (1, 2, 3) AND s.due >= ${first} AND s.due < ${last}
       ${cardId === null ? Prisma.empty : Prisma.sql`AND s."cardId" <> ${cardId}`} AND NOT s.suspended
     GROUP BY 1`,
    "pg",
  );
}
