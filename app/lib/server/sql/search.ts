import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { SEARCH_VARIANTS_SEPARATOR } from "@/app/lib/domain/content/note-order";
import { joinCjk, segmentQuery } from "@/app/lib/domain/content/segment";
import { compactQuery } from "@/app/lib/domain/content/spelling-variants";
import { visiblePaperSql } from "../data/visibility";
import { typedQuery } from "./typed-query";

/**
 * The library's full-text search over each note's prose, cards and questions, in English and in
 * Chinese, on the stored, GIN-indexed "searchVector" (migrations `zh_search`, `zh_search_text`:
 * short, title and the Chinese title at weight A, the English and Chinese documents at B). The
 * Chinese text is indexed cut into words (`segmentCjk`, at sync), and so is the query, each
 * Chinese run a phrase (`segmentQuery`): 对比学习 asks for 对比 followed by 学习. The snippet
 * comes from one language's document, parsed again for the hits only: the Chinese one for a
 * reader of the Chinese site (`locale: "zh"`) or a query in Chinese, else the English one.
 * Kept apart from papers.ts (and its client) so that `bench:search` runs this very query.
 */
export function searchQuery(q: string, locale: "en" | "zh" = "en", userId: string | null = null) {
  const query = segmentQuery(q);
  const chinese = locale === "zh" || CJK.test(query);
  // The snippet is cut from the text before the joined spellings the sync appended.
  const snippetText = chinese ? Prisma.sql`p."searchTextZh"` : Prisma.sql`split_part(p."searchText", ${SEARCH_VARIANTS_SEPARATOR}, 1)`;
  // Also asked without its spaces, the quiz's spelling rule: "info nce" finds InfoNCE.
  const compact = chinese ? "" : compactQuery(q);
  return typedQuery(
    z.object({ id: z.string(), snippet: z.string() }),
    Prisma.sql`
    WITH query AS (SELECT websearch_to_tsquery('english', ${query}) || plainto_tsquery('english', ${compact}) AS tsq)
    SELECT p.id,
           ts_headline('english', ${snippetText}, query.tsq,
             'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=1') AS snippet
    FROM "Paper" p, query
    WHERE p."retiredAt" IS NULL AND ${visiblePaperSql(userId)} AND p."searchVector" @@ query.tsq
    ORDER BY ts_rank(p."searchVector", query.tsq) DESC
    LIMIT 50`,
  );
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A row of `searchQuery` as shown: the snippet with the spaces between Chinese words taken out again. */
export function searchHit(row: { id: string; snippet: string }): { id: string; snippet: string } {
  return { id: row.id, snippet: joinCjk(row.snippet) };
}

/** The Chinese titles and summaries of the notes with a Chinese edition (not their bodies). */
export function chineseWordsQuery() {
  return typedQuery(
    z.object({ id: z.string(), title: z.string().nullable(), summary: z.string().nullable() }),
    Prisma.sql`
    SELECT id, zh->>'title' AS title, zh->>'summary' AS summary FROM "Paper" WHERE "retiredAt" IS NULL AND zh IS NOT NULL`,
  );
}
