import "#server-only";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { visiblePaperSql } from "../data/visibility";
import { typedQuery } from "./typed-query";

/** The SQL of "study them anyway" in a note's session (data/note-new-allowance.ts). */

/** The note `slug` (one row, if the user sees it), its allowance on `today` (null: none) and its new cards introduced since `dayStart`. */
export function noteAllowanceQuery(userId: string, slug: string, today: string, dayStart: Date) {
  return typedQuery(
    z.object({ paperId: z.string(), allowance: z.number().int().nullable(), introduced: z.number().int() }),
    Prisma.sql`
    SELECT p.id AS "paperId", a.allowance,
           (SELECT count(*)::int FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId"
             WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l.source = 'review' AND l.state = 0
               AND c."paperId" = p.id) AS introduced
      FROM "Paper" p
      LEFT JOIN "NoteNewAllowance" a ON a."userId" = ${userId} AND a."paperId" = p.id AND a.day = ${today}
     WHERE p.slug = ${slug} AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}`,
  );
}

/** Sets the note's allowance on `today`. */
export function setNoteAllowanceStatement(userId: string, paperId: string, today: string, allowance: number): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "NoteNewAllowance" ("userId", "paperId", day, allowance) VALUES (${userId}, ${paperId}, ${today}, ${allowance})
    ON CONFLICT ("userId", "paperId", day) DO UPDATE SET allowance = EXCLUDED.allowance`;
}
