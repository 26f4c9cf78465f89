import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { MATURE_INTERVAL_DAYS } from "@/app/lib/domain/stats";
import { visiblePaperSql } from "../data/visibility";
import { typedQuery } from "./typed-query";

/**
 * The progress dashboard's SQL (data/progress.ts and data/progress-history.ts run it). The
 * big statements group the whole review log in PostgreSQL, by study day in the user's time
 * zone, so a million logs come back as a few hundred rows.
 *
 * Study days come from `width_bucket` over the day boundaries the domain computes
 * (`studyDayStarts`, passed as a timestamp[] literal): a binary search per row instead of a
 * time-zone conversion per row (which cost four times as much with a million rows).
 */

/** A sum of `durationMs` (bigint: Prisma reads it as a bigint), null over no rows. */
const msSum = z.union([z.bigint(), z.number()]).nullable();

/** The user's first review, where an uncached history's buckets start. */
export function firstReviewQuery(userId: string) {
  return typedQuery(
    z.object({ first: z.date().nullable() }),
    Prisma.sql`SELECT min("reviewedAt") AS first FROM "ReviewLog" WHERE "userId" = ${userId}`,
  );
}

/** Reviews and time per study-day bucket (1-based; 0 and n+1 are outside), at or after `since`. */
export function reviewsPerBucketQuery(userId: string, bucketLiteral: string, since: Date, now: Date) {
  return typedQuery(
    z.object({ b: z.number().int(), n: z.number().int(), ms: msSum }),
    Prisma.sql`
    SELECT width_bucket("reviewedAt", ${bucketLiteral}::timestamp[]) AS b, count(*)::int AS n,
           sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY 1`,
  );
}

/**
 * True retention per study-day bucket: the first review of each review-state card in a day,
 * passed (rating > 1) or failed, young or mature by the interval before it. The reviews come in
 * (card, time) order from the covering (userId, cardId, reviewedAt) index, and a study day
 * only grows with time, so `DISTINCT ON (card, day)` needs no more than a sort within each
 * card: no hash of every (card, day) pair, nothing spilled to disk. Ties (same instant) count
 * the failed, then the young review.
 */
export function retentionPerBucketQuery(userId: string, bucketLiteral: string, since: Date, now: Date) {
  const n = z.number().int();
  return typedQuery(
    z.object({ b: n, yp: n, yf: n, mp: n, mf: n }),
    Prisma.sql`
    WITH firsts AS (
      SELECT DISTINCT ON ("cardId", b) b, rating, "scheduledDays"
        FROM (SELECT "cardId", "reviewedAt", rating, "scheduledDays",
                     width_bucket("reviewedAt", ${bucketLiteral}::timestamp[]) AS b
                FROM "ReviewLog"
               WHERE "userId" = ${userId} AND state = 2 AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}) logs
       ORDER BY "cardId", b, "reviewedAt", rating > 1, "scheduledDays" >= ${MATURE_INTERVAL_DAYS})
    SELECT b,
           count(*) FILTER (WHERE rating > 1 AND "scheduledDays" < ${MATURE_INTERVAL_DAYS})::int AS yp,
           count(*) FILTER (WHERE rating <= 1 AND "scheduledDays" < ${MATURE_INTERVAL_DAYS})::int AS yf,
           count(*) FILTER (WHERE rating > 1 AND "scheduledDays" >= ${MATURE_INTERVAL_DAYS})::int AS mp,
           count(*) FILTER (WHERE rating <= 1 AND "scheduledDays" >= ${MATURE_INTERVAL_DAYS})::int AS mf
      FROM firsts GROUP BY b`,
  );
}

/**
 * Reviews of review-state cards at or after `since` grouped by whole days since the last
 * review and by stability (in buckets an eighth of a natural log wide, about 13 %), for the
 * predicted-vs-observed curve; `live` marks the groups of today's reviews (at or after `todayStart`).
 */
export function elapsedStabilityGroupsQuery(userId: string, since: Date, todayStart: Date, now: Date) {
  const n = z.number().int();
  return typedQuery(
    z.object({ elapsed: n, sbucket: n, live: z.boolean(), passed: n, failed: n }),
    Prisma.sql`
    SELECT LEAST("elapsedDays", 400)::int AS elapsed, round(ln(stability) * 8)::int AS sbucket,
           ("reviewedAt" >= ${todayStart}) AS live,
           count(*) FILTER (WHERE rating > 1)::int AS passed,
           count(*) FILTER (WHERE rating = 1)::int AS failed
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND state = 2 AND stability > 0 AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY 1, 2, 3`,
  );
}

/** How many reviews the user has before `until` (the progress cache is trusted while this holds). */
export function reviewsBeforeQuery(userId: string, until: Date) {
  return typedQuery(
    z.object({ n: z.number().int() }),
    Prisma.sql`SELECT count(*)::int AS n FROM "ReviewLog" WHERE "userId" = ${userId} AND "reviewedAt" < ${until}`,
  );
}

/** Today's answers by the card's state before them: count, agains and time. */
export function answersByStateQuery(userId: string, since: Date, now: Date) {
  return typedQuery(
    z.object({ state: z.number().int(), n: z.number().int(), again: z.number().int(), ms: msSum }),
    Prisma.sql`
    SELECT state, count(*)::int AS n, count(*) FILTER (WHERE rating = 1)::int AS again,
           sum("durationMs")::bigint AS ms
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${since} AND "reviewedAt" <= ${now}
     GROUP BY state`,
  );
}

/** The due dates of the user's studied, unsuspended, live and visible cards before `until`. */
export function dueDatesQuery(userId: string, until: Date) {
  return typedQuery(
    z.object({ due: z.date() }),
    Prisma.sql`
    SELECT s.due FROM "CardState" s
      JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND s.due < ${until} AND NOT s.suspended
       AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}`,
  );
}

/** How many live cards of each note the user has studied. */
export function studiedPerNoteQuery(userId: string) {
  return typedQuery(
    z.object({ paperId: z.string(), n: z.number().int() }),
    Prisma.sql`
      SELECT c."paperId", count(*)::int AS n FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
       WHERE s."userId" = ${userId} AND s.state <> 0 AND c."retiredAt" IS NULL
       GROUP BY c."paperId"`,
  );
}
