import "#server-only";
import { db } from "../db";
import { visiblePapers } from "./visibility";
import { NotFoundError } from "../errors";

/** Slugs of the notes the user added to their study set (whether or not "study all" is on). */
export async function studySetSlugs(userId: string): Promise<Set<string>> {
  const rows = await db.studySetPaper.findMany({
    where: { userId, paper: { retiredAt: null, ...visiblePapers(userId) } },
    select: { paper: { select: { slug: true } } },
  });
  return new Set(rows.map((row) => row.paper.slug));
}

async function livePaperId(userId: string, slug: string): Promise<string> {
  const paper = await db.paper.findFirst({ where: { slug, ...visiblePapers(userId) }, select: { id: true, retiredAt: true } });
  if (!paper || paper.retiredAt) throw new NotFoundError("This note does not exist.");
  return paper.id;
}

/**
 * Adds a note's cards to the user's study set. What is studied follows the "study all notes"
 * setting: while it is on, the set is kept for when the user switches to chosen notes only.
 */
export async function addPaperToStudySet(userId: string, slug: string): Promise<void> {
  const paperId = await livePaperId(userId, slug);
  await db.$transaction([
    db.studySetPaper.upsert({
      where: { userId_paperId: { userId, paperId } },
      create: { userId, paperId },
      update: {},
    }),
    // Its new cards may come before the ones the queue was looking at.
    db.$executeRaw`
      UPDATE "UserSettings" SET "newCardsFrom" = LEAST("newCardsFrom", (SELECT "sortKey" FROM "Paper" WHERE id = ${paperId}))
       WHERE "userId" = ${userId}`,
  ]);
}

/** Removes a note from the set; its card states and history stay (adding it back resumes them). */
export async function removePaperFromStudySet(userId: string, slug: string): Promise<void> {
  const paperId = await livePaperId(userId, slug);
  await db.studySetPaper.deleteMany({ where: { userId, paperId } });
}
