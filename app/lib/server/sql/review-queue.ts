import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import type { UserSettingsRow } from "../data/settings";
import { visiblePaperSql } from "../data/visibility";
import { cardStateColumns, cardStateRowSchema, versionedCardStateRowSchema } from "./card-state";
import { nullableColumns, typedQuery } from "./typed-query";

/**
 * The review queue's SQL (data/review-queue.ts runs it and orders the result), with the
 * schemas of its rows. Three planner tricks keep today's queue at a few milliseconds for
 * 100,000 states and 1,000,000 logs (`npm run bench:review`, part (a)); each is here, once:
 *
 * 1. Generated columns `overdueRate` / `overdueOffset` (migration review_queue_overdue_key, not
 *    in schema.prisma: Prisma cannot express them): due reviews rank by t/S, which is
 *    `now * overdueRate - overdueOffset`. PostgreSQL keeps both at every write (no write path
 *    can forget them) and the queue index carries them, so the ranking is an index-only scan
 *    and one multiply-subtract per due card, not timestamp arithmetic.
 * 2. The `OFFSET 0` fence in `candidateQueries().studied`: it keeps the planner from flattening
 *    the LATERAL subquery, so the rank test (`x.rank <= show`) gates the join to the card's
 *    content instead of filtering after a join done for every candidate (a backlog can be
 *    thousands of cards; only the first `show` are displayed).
 * 3. The new-card bound `UserSettings.newCardsFrom`: `fresh` reads notes from that sortKey on,
 *    skipping the notes known to be fully studied. Its owner is sql/new-cards-bound.ts, which
 *    lowers it (undo, card controls, study set) and raises it (the queue) and says why.
 */

/** Learning cards are shown up to 20 minutes early when nothing else is left (Anki's learn-ahead). */
export const LEARN_AHEAD_MINUTES = 20;
/** At most this many (re)learning cards are read per queue; more is not a realistic day. */
const LEARNING_READ_LIMIT = 500;

/** What the review page shows of a card besides its state. */
export const contentRowSchema = z.object({
  cardId: z.string(),
  front: z.string(),
  back: z.string(),
  /** Card.type (basic | reverse | cloze) and key ("<id>-rev" for a reverse card's second side). */
  type: z.string(),
  key: z.string(),
  anchor: z.string(),
  /** Card.source: JSON, or null (parsed where it is shown: sourceLinkOf). */
  source: z.unknown(),
  contentHash: z.string(),
  slug: z.string(),
  title: z.string(),
  /** CardState.flag (null for a card never studied). */
  flag: z.number().int().nullable(),
  /** Card.zh (the card in Chinese, storedCardZhSchema) and the note's Chinese title: one card, one history. */
  zh: z.unknown(),
  titleZh: z.string().nullable(),
  /** A user's own note's card: user-written, so rendered through the sanitiser (render-note.ts). */
  own: z.boolean(),
});
export type ContentRow = z.infer<typeof contentRowSchema>;

/** A card state with its content: what the page needs of a card it shows. */
export const detailRowSchema = contentRowSchema.extend(versionedCardStateRowSchema.shape);
export type DetailRow = z.infer<typeof detailRowSchema>;

/**
 * A studied candidate as the queue reads it: what ordering needs (from the queue index alone),
 * and for the first cards of each kind, the rest of the state and the content (else null).
 */
export const studiedRowSchema = nullableColumns(detailRowSchema).extend({
  cardId: z.string(),
  state: cardStateRowSchema.shape.state,
  due: cardStateRowSchema.shape.due,
  stability: cardStateRowSchema.shape.stability,
  lastReview: cardStateRowSchema.shape.lastReview,
});
export type StudiedRow = z.infer<typeof studiedRowSchema>;

/** A new card: its content, and its state when it has one (a reset or undone card), else nulls. */
export const freshRowSchema = contentRowSchema.extend(nullableColumns(versionedCardStateRowSchema).shape).extend({
  sortKey: z.number().int(),
});
export type FreshRow = z.infer<typeof freshRowSchema>;

/** Narrows a session to one note (by slug) or one area; the study set always applies. */
export interface QueueScope {
  paper?: string | undefined;
  area?: string | undefined;
}

/**
 * The SQL condition on `p` (Paper): live, visible, in the study set, in the scope. A note's own
 * session (scope.paper) studies that note whether or not it is in the set: asked for by name.
 */
export function paperScopeSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."retiredAt" IS NULL`, visiblePaperSql(userId)];
  if (!settings.studyAll && !scope.paper) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StudySetPaper" sp WHERE sp."userId" = ${userId} AND sp."paperId" = p.id)`,
    );
  }
  if (scope.paper) parts.push(Prisma.sql`p.slug = ${scope.paper}`);
  if (scope.area) parts.push(Prisma.sql`p.area = ${scope.area}`);
  return Prisma.join(parts, " AND ");
}

/** The SQL condition on `c` (Card) and `p` (Paper): a live card of a note in scope. */
export function scopeSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  return Prisma.sql`c."retiredAt" IS NULL AND ${paperScopeSql(userId, settings, scope)}`;
}

/**
 * The SQL condition on `s` (CardState): its card is live, in the study set and in the scope.
 * Checked inside the state scan, before its LIMIT, by one hash lookup per state rather than a
 * join per state: in the usual case (all notes, the whole queue) against the few retired cards
 * (a card is retired with its note, so the card's flag is enough); otherwise against the cards
 * the set or the scope allows.
 */
function liveStateSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  if (settings.studyAll && !scope.paper && !scope.area) {
    return Prisma.sql`s."cardId" NOT IN (SELECT r.id FROM "Card" r WHERE r."retiredAt" IS NOT NULL)`;
  }
  return Prisma.sql`s."cardId" IN (
    SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE ${scopeSql(userId, settings, scope)})`;
}

/**
 * The SQL condition on `s` (CardState): neither suspended nor buried at `now`. Both columns
 * are carried by the queue index, so the state scans stay index-only.
 */
export function availableStateSql(now: Date): Prisma.Sql {
  return Prisma.sql`(NOT s.suspended AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now}))`;
}

const STATE_COLUMNS = cardStateColumns("s", ["version", "flag"]);

/** Today's answers so far: new cards introduced and reviews done, for the daily limits. */
export function doneTodayQuery(userId: string, dayStart: Date) {
  return typedQuery(
    z.object({ new: z.number().int(), review: z.number().int(), total: z.number().int() }),
    Prisma.sql`
    SELECT count(*) FILTER (WHERE state = 0)::int AS new, count(*) FILTER (WHERE state = 2)::int AS review,
           count(*)::int AS total
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND source = 'review'`,
  );
}

/**
 * The candidates of today's queue: (re)learning cards due soon, and the review cards due today
 * that are most likely forgotten (t/S largest, which orders them as retrievability does) up to
 * the review limit, in one statement read from the (userId, state, due) index alone (it
 * carries the state's columns), with the content the page shows for the first `show` of each
 * kind (those at the head of the queue); then the first new cards in the notes' order up to the
 * new-card limit, looking from note `newCardsFrom` on. `orderQueue` puts them in the exact
 * order. Exported for the benchmark, which runs them under EXPLAIN ANALYZE.
 */
export function candidateQueries(
  userId: string,
  settingsRow: UserSettingsRow,
  scope: QueueScope,
  now: Date,
  nextDayStart: Date,
  limits: { newLeft: number; reviewsLeft: number },
  options: { newCardsFrom?: number; show?: number } = {},
) {
  const live = liveStateSql(userId, settingsRow, scope);
  const available = availableStateSql(now);
  const learnUntil = new Date(now.getTime() + LEARN_AHEAD_MINUTES * 60_000);
  const learning = Prisma.sql`
    SELECT s.*, row_number() OVER (ORDER BY s.due, s."cardId") AS rank
      FROM (SELECT s."cardId", s.state, s.due, s.stability, s."lastReview" FROM "CardState" s
             WHERE s."userId" = ${userId} AND s.state IN (1, 3) AND s.due <= ${learnUntil} AND ${live} AND ${available}
             ORDER BY s.due, s."cardId" LIMIT ${LEARNING_READ_LIMIT}) s`;
  // t/S = now / S - lastReview / S, from two generated columns the index carries (see the
  // migration review_queue_overdue_key): one multiply-subtract per due card. Only what the
  // order needs goes through the sort (narrow rows sort much faster, and a backlog can be
  // thousands of cards); the rest of a state is read for the cards shown first.
  const due = Prisma.sql`
    SELECT p."cardId", 2 AS state, p.due, p.stability, p."lastReview",
           row_number() OVER (ORDER BY p.k DESC, p.due, p."cardId") AS rank
      FROM (SELECT s."cardId", s.due, s.stability, s."lastReview",
                   ${now.getTime() / 1000}::float8 * s."overdueRate" - s."overdueOffset" AS k
              FROM "CardState" s
             WHERE s."userId" = ${userId} AND s.state = 2 AND s.due < ${nextDayStart} AND ${live} AND ${available}
             ORDER BY k DESC, s.due, s."cardId" LIMIT ${limits.reviewsLeft}) p`;
  return {
    studied: typedQuery(
      studiedRowSchema,
      Prisma.sql`
      SELECT x."cardId", x.state, x.due, x.stability, x."lastReview", d.*
        FROM (${learning} ${limits.reviewsLeft > 0 ? Prisma.sql`UNION ALL ${due}` : Prisma.empty}) x
        LEFT JOIN LATERAL (
          SELECT st.version, st.difficulty, st."elapsedDays", st."scheduledDays", st."learningSteps", st.reps,
                 st.lapses, st.flag, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title,
                 c.zh, p.zh->>'title' AS "titleZh", p."ownerId" IS NOT NULL AS own
            FROM "CardState" st JOIN "Card" c ON c.id = st."cardId" JOIN "Paper" p ON p.id = c."paperId"
           WHERE x.rank <= ${options.show ?? 20} AND st."userId" = ${userId} AND st."cardId" = x."cardId"
          OFFSET 0) d ON true`, // OFFSET 0: the planner trick 2 above (the rank test gates the join)
    ),
    // Note by note in order (each note's cards by its index), stopping at the limit: with the
    // bound, only the notes from the first one holding new cards are read.
    fresh:
      limits.newLeft > 0
        ? typedQuery(
            freshRowSchema,
            Prisma.sql`
      SELECT c.id AS "cardId", c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title, p."sortKey",
             c.zh, p."titleZh", p.own,
             c.version, c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays", c."learningSteps",
             c.reps, c.lapses, c.state, c."lastReview", c.flag
        FROM (SELECT p.id, p.slug, p.title, p."sortKey", p.zh->>'title' AS "titleZh", p."ownerId" IS NOT NULL AS own FROM "Paper" p
               WHERE p."sortKey" >= ${options.newCardsFrom ?? 0} AND ${paperScopeSql(userId, settingsRow, scope)}
               ORDER BY p."sortKey", p.id) p
        CROSS JOIN LATERAL (
          SELECT c.id, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", c.position, c.zh, ${STATE_COLUMNS}
            FROM "Card" c LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
           WHERE c."paperId" = p.id AND c."retiredAt" IS NULL AND (s."cardId" IS NULL OR (s.state = 0 AND ${available}))
           ORDER BY c.position, c.id) c
       LIMIT ${limits.newLeft}`,
          )
        : null,
  };
}

/** The states and content of the given studied cards (shown, but read without them). */
export function cardDetailQuery(userId: string, cardIds: string[]) {
  return typedQuery(
    detailRowSchema,
    Prisma.sql`
    SELECT s."cardId", ${STATE_COLUMNS}, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title,
           c.zh, p.zh->>'title' AS "titleZh", p."ownerId" IS NOT NULL AS own
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s."cardId" IN (${Prisma.join(cardIds)})`,
  );
}

/**
 * The content the user studies: the corpus and their own notes (issue 17), each read from the
 * (ownerId, sortKey) index, so other users' notes neither cost a read nor reset the bound.
 */
export function contentStampQuery(userId: string | null) {
  return typedQuery(
    z.object({ stamp: z.date().nullable(), last: z.number().int().nullable() }),
    Prisma.sql`
    SELECT GREATEST(a.stamp, b.stamp) AS stamp, GREATEST(a.last, b.last) AS last
      FROM (SELECT max("updatedAt") AS stamp, max("sortKey") AS last FROM "Paper" WHERE "ownerId" IS NULL) a,
           (SELECT max("updatedAt") AS stamp, max("sortKey") AS last FROM "Paper" WHERE "ownerId" = ${userId ?? ""}) b`,
  );
}


/** When the next studied card of the scope comes due (a suspended card never; a buried one not before its bury ends). */
export function nextDueQuery(userId: string, settingsRow: UserSettingsRow, scope: QueueScope) {
  return typedQuery(
    z.object({ due: z.date().nullable() }),
    Prisma.sql`
    SELECT min(GREATEST(s.due, COALESCE(s."buriedUntil", s.due))) AS due
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND NOT s.suspended AND ${scopeSql(userId, settingsRow, scope)}`,
  );
}

/**
 * The first note (sortKey) holding a new card of the user's that was buried (whether or not
 * its bury has ended: an answer clears it). New states are few (reset, undone or controlled
 * cards), read from the queue index.
 */
export function firstBuriedNewQuery(userId: string) {
  return typedQuery(
    z.object({ first: z.number().int().nullable() }),
    Prisma.sql`
    SELECT min(p."sortKey") AS first FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state = 0 AND s."buriedUntil" IS NOT NULL`,
  );
}

/** New cards of the scope the user has not seen (asked only once today's new-card limit is used). */
export function newInScopeQuery(userId: string, settingsRow: UserSettingsRow, scope: QueueScope, now: Date) {
  return typedQuery(
    z.object({ n: z.number().int() }),
    Prisma.sql`
    SELECT count(*)::int AS n
      FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
      LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
     WHERE ${scopeSql(userId, settingsRow, scope)} AND (s."cardId" IS NULL OR (s.state = 0 AND ${availableStateSql(now)}))`,
  );
}

/**
 * The sibling groups' inputs of the candidates, and of the cards answered since `dayStart`, in
 * one read (by primary key and the (userId, reviewedAt) index): only reverse and cloze cards
 * have siblings.
 */
export function siblingCardsQuery(userId: string, cardIds: string[], dayStart: Date) {
  return typedQuery(
    z.object({ cardId: z.string(), paperId: z.string(), type: z.string(), key: z.string(), back: z.string(), answered: z.boolean() }),
    Prisma.sql`
    SELECT c.id AS "cardId", c."paperId", c.type, c.key, c.back, false AS answered
      FROM "Card" c WHERE c.id = ANY(${cardIds}::text[]) AND c.type IN ('reverse', 'cloze')
    UNION ALL
    SELECT DISTINCT c.id, c."paperId", c.type, c.key, c.back, true
      FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId"
     WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l.source = 'review' AND c.type IN ('reverse', 'cloze')`,
  );
}

/**
 * A custom session's candidates (data/review-custom-queue.ts), in due order: "ahead", studied
 * cards due from the next study day to `aheadEnd`; "forgotten", studied cards answered Again
 * since `dayStart`. Never suspended or buried ones, in the study set and the scope as any
 * queue, and none answered since the session began (`since`, the log's server-side `createdAt`).
 */
export function customCandidatesQuery(
  userId: string,
  studyAll: boolean,
  scope: QueueScope,
  kind: "ahead" | "forgotten",
  window: { dayStart: Date; nextDayStart: Date; aheadEnd: Date; since: Date; now: Date },
  limit: number,
) {
  // Visible notes only: a deleted own note's states stay (restorable) but are not studied.
  const parts: Prisma.Sql[] = [Prisma.sql`p."retiredAt" IS NULL AND c."retiredAt" IS NULL`, visiblePaperSql(userId)];
  if (!studyAll) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "StudySetPaper" sp WHERE sp."userId" = ${userId} AND sp."paperId" = p.id)`);
  }
  if (scope.paper) parts.push(Prisma.sql`p.slug = ${scope.paper}`);
  if (scope.area) parts.push(Prisma.sql`p.area = ${scope.area}`);
  const which =
    kind === "ahead"
      ? Prisma.sql`s.state <> 0 AND s.due >= ${window.nextDayStart}
          AND s.due < ${window.aheadEnd}`
      : Prisma.sql`s.state <> 0 AND EXISTS (SELECT 1 FROM "ReviewLog" l WHERE l."userId" = s."userId" AND l."cardId" = s."cardId"
          AND l."reviewedAt" >= ${window.dayStart} AND l.rating = 1 AND l.source = 'review')`;
  return typedQuery(
    z.object({ cardId: z.string(), state: z.number().int() }),
    Prisma.sql`
    SELECT s."cardId", s.state FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND ${which} AND ${availableStateSql(window.now)} AND ${Prisma.join(parts, " AND ")}
       AND NOT EXISTS (SELECT 1 FROM "ReviewLog" a WHERE a."userId" = s."userId" AND a."cardId" = s."cardId"
                          AND a.source = 'review' AND a."createdAt" >= ${window.since})
     ORDER BY s.due, s."cardId" LIMIT ${limit}`,
  );
}
