import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { CARD_PAGE_SIZE, type CardBrowserQuery, type CardSort } from "@/app/lib/schemas/cards-browser";
import { zhOrSql, zhShownSql } from "../data/localized-text";
import { visiblePaperSql } from "../data/visibility";
import { typedQuery } from "./typed-query";

/** The card browser's one statement (data/card-browser.ts runs it). */

/** A row of a page: a card, its note, the user's state of it (nulls for a card never studied) and the matches' total. */
const cardPageRowSchema = z.object({
  id: z.string(),
  front: z.string(),
  frontZh: z.boolean(),
  type: z.string(),
  slug: z.string(),
  title: z.string(),
  titleZh: z.boolean(),
  state: z.number().int(),
  due: z.date().nullable(),
  difficulty: z.number().nullable(),
  stability: z.number().nullable(),
  r: z.number().nullable(),
  reps: z.number().int(),
  lapses: z.number().int(),
  suspended: z.boolean(),
  buriedUntil: z.date().nullable(),
  flag: z.number().int(),
  leech: z.boolean(),
  total: z.number().int(),
});

const STATE_CODES = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** The ORDER BY column of each sort (a fixed list: nothing from the address reaches SQL as text). */
const SORT_SQL: Record<CardSort, Prisma.Sql> = {
  due: Prisma.sql`x.due`,
  note: Prisma.sql`x."sortKey"`,
  front: Prisma.sql`lower(x.front)`,
  state: Prisma.sql`x.state`,
  difficulty: Prisma.sql`x.difficulty`,
  stability: Prisma.sql`x.stability`,
  retrievability: Prisma.sql`x.r`,
  lapses: Prisma.sql`x.lapses`,
  reps: Prisma.sql`x.reps`,
};

/** `%` and `_` typed in the search box are searched for, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What the page's filters and retrievability need besides the query: the day bounds and the user's forgetting curve. */
export interface CardPageContext {
  now: Date;
  tomorrow: Date;
  weekEnd: Date;
  decay: number;
  factor: number;
  locale: Locale;
}

/**
 * One page of the cards the user can study with the user's own state of each: searched in the
 * front and back, filtered, sorted and paged in one statement. Retrievability is the FSRS-6
 * forgetting curve at whole days since the last review, as ts-fsrs computes it, evaluated in
 * SQL so that it can filter and sort.
 */
export function cardPageQuery(userId: string, query: CardBrowserQuery, context: CardPageContext) {
  const { now, tomorrow, weekEnd, decay, factor, locale } = context;
  const where: Prisma.Sql[] = [Prisma.sql`true`];
  // The shown sides and the English ones: a Chinese reader may search an English term too.
  if (query.q) {
    const like = likePattern(query.q);
    where.push(Prisma.sql`(x.front ILIKE ${like} OR x.back ILIKE ${like} OR x."frontEn" ILIKE ${like} OR x."backEn" ILIKE ${like})`);
  }
  if (query.note) where.push(Prisma.sql`x.slug = ${query.note}`);
  if (query.state) where.push(Prisma.sql`x.state = ${STATE_CODES[query.state]}`);
  if (query.due === "overdue") where.push(Prisma.sql`x.state <> 0 AND x.due < ${now}`);
  if (query.due === "today") where.push(Prisma.sql`x.state <> 0 AND x.due < ${tomorrow}`);
  if (query.due === "week") where.push(Prisma.sql`x.state <> 0 AND x.due < ${weekEnd}`);
  if (query.due === "later") where.push(Prisma.sql`x.state <> 0 AND x.due >= ${weekEnd}`);
  if (query.flag !== undefined) where.push(Prisma.sql`x.flag = ${query.flag}`);
  if (query.suspended) where.push(Prisma.sql`x.suspended = ${query.suspended === "yes"}`);
  if (query.leech) where.push(Prisma.sql`x.leech = ${query.leech === "yes"}`);
  if (query.dMin !== undefined) where.push(Prisma.sql`x.state <> 0 AND x.difficulty >= ${query.dMin}`);
  if (query.dMax !== undefined) where.push(Prisma.sql`x.state <> 0 AND x.difficulty <= ${query.dMax}`);
  if (query.rMin !== undefined) where.push(Prisma.sql`x.r >= ${query.rMin / 100}`);
  if (query.rMax !== undefined) where.push(Prisma.sql`x.r <= ${query.rMax / 100}`);
  const direction = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const offset = (query.page - 1) * CARD_PAGE_SIZE;

  return typedQuery(
    cardPageRowSchema,
    Prisma.sql`
    WITH x AS (
      SELECT c.id, ${zhOrSql(locale, "c", "front")} AS front, ${zhOrSql(locale, "c", "back")} AS back,
             c.front AS "frontEn", c.back AS "backEn", ${zhShownSql(locale, "c", "front")} AS "frontZh",
             c.type, c.position, p.slug, ${zhOrSql(locale, "p", "title")} AS title, ${zhShownSql(locale, "p", "title")} AS "titleZh", p."sortKey",
             COALESCE(s.state, 0) AS state, CASE WHEN COALESCE(s.state, 0) = 0 THEN NULL ELSE s.due END AS due,
             CASE WHEN COALESCE(s.state, 0) = 0 THEN NULL ELSE s.difficulty END AS difficulty,
             CASE WHEN COALESCE(s.state, 0) = 0 THEN NULL ELSE s.stability END AS stability,
             COALESCE(s.reps, 0) AS reps, COALESCE(s.lapses, 0) AS lapses,
             COALESCE(s.suspended, false) AS suspended, s."buriedUntil", COALESCE(s.flag, 0) AS flag,
             COALESCE(s.leech, false) AS leech,
             CASE WHEN COALESCE(s.state, 0) = 0 OR s."lastReview" IS NULL OR s.stability <= 0 THEN NULL
                  ELSE power(1 + ${factor}::float8 * GREATEST(floor(extract(epoch FROM ((${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - s."lastReview")) / 86400), 0)
                             / s.stability, -${decay}::float8) END AS r
        FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
       WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}
    )
    SELECT x.id, x.front, x."frontZh", x.type, x.slug, x.title, x."titleZh", x.state, x.due, x.difficulty, x.stability, x.r, x.reps, x.lapses,
           x.suspended, x."buriedUntil", x.flag, x.leech, count(*) OVER ()::int AS total
      FROM x
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${SORT_SQL[query.sort]} ${direction} NULLS LAST, x."sortKey", x.position, x.id
     LIMIT ${CARD_PAGE_SIZE} OFFSET ${offset}`,
  );
}
