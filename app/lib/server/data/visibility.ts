import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";

/**
 * Who may see a note (issue 17). The corpus (ownerId NULL) is everyone's; a user's own note is
 * its owner's alone, and not once deleted (soft delete, restorable for 30 days). Every read of
 * Paper, Card or QuizQuestion a user can reach goes through one of these, so that one place
 * says what "visible" means; tests/integration/notes/own-notes-isolation.test.ts proves that
 * user B finds none of A's notes, cards or questions anywhere.
 */
export function visiblePapers(userId: string | null | undefined): Prisma.PaperWhereInput {
  return userId ? { OR: [{ ownerId: null }, { ownerId: userId, deletedAt: null }] } : { ownerId: null };
}

/** The same rule in SQL, for a "Paper" row under the alias `p` (or another). */
export function visiblePaperSql(userId: string | null | undefined, alias = "p"): Prisma.Sql {
  const p = Prisma.raw(`"${alias.replaceAll('"', "")}"`);
  return userId
    ? Prisma.sql`(${p}."ownerId" IS NULL OR (${p}."ownerId" = ${userId} AND ${p}."deletedAt" IS NULL))`
    : Prisma.sql`${p}."ownerId" IS NULL`;
}

/** Cards and questions are visible when their note is. */
export function visibleItems(userId: string | null | undefined): { paper: Prisma.PaperWhereInput } {
  return { paper: visiblePapers(userId) };
}
