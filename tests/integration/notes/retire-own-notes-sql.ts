/**
 * The statements that take every user's own notes out of the shared test database once a file
 * is done with them: the other files (they run one after another on the same database) pick
 * "any live card", "the first live note" or count every live card, and would otherwise meet a
 * stranger's own note. Plain SQL so that the browser tests (a pg client) and the integration
 * tests (the app's Prisma client) run the same ones.
 */
export const RETIRE_OWN_NOTES_SQL = [
  `UPDATE "Card" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "paperId" IN (SELECT id FROM "Paper" WHERE "ownerId" IS NOT NULL)`,
  `UPDATE "QuizQuestion" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "paperId" IN (SELECT id FROM "Paper" WHERE "ownerId" IS NOT NULL)`,
  `UPDATE "Paper" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "ownerId" IS NOT NULL`,
] as const;

/** Runs them through any client's query function. */
export async function retireAllOwnNotesWith(query: (sql: string) => Promise<unknown>): Promise<void> {
  for (const sql of RETIRE_OWN_NOTES_SQL) await query(sql);
}
