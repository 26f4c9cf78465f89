import { db } from "@/app/lib/server/db";

/**
 * Takes every user's own notes out of the shared test database once a file is done with them:
 * the other files (they run one after another on the same database) pick "any live card" or
 * "the first live note" and would otherwise get a stranger's own note, which they cannot see.
 */
export async function retireAllOwnNotes(): Promise<void> {
  await db.$executeRaw`UPDATE "Card" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "paperId" IN (SELECT id FROM "Paper" WHERE "ownerId" IS NOT NULL)`;
  await db.$executeRaw`UPDATE "QuizQuestion" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "paperId" IN (SELECT id FROM "Paper" WHERE "ownerId" IS NOT NULL)`;
  await db.$executeRaw`UPDATE "Paper" SET "retiredAt" = now() WHERE "retiredAt" IS NULL AND "ownerId" IS NOT NULL`;
}
