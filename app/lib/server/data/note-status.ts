import "#server-only";
import { db } from "../db";
import { masteryByPaper } from "./mastery";
import { visiblePapers } from "./visibility";

/** One user's relation to one note, scoped to that user's rows. */
export async function getNoteStatusForUser(userId: string, slug: string, now: Date) {
  const paper = await db.paper.findFirst({ where: { slug, ...visiblePapers(userId) }, select: { id: true, retiredAt: true } });
  if (!paper || paper.retiredAt) return null;
  const [settings, inSet, mastery] = await Promise.all([
    db.userSettings.findUnique({ where: { userId }, select: { studyAll: true } }),
    db.studySetPaper.findUnique({ where: { userId_paperId: { userId, paperId: paper.id } }, select: { paperId: true } }),
    masteryByPaper(userId, now),
  ]);
  return {
    studyAll: settings?.studyAll ?? true,
    inStudySet: Boolean(inSet),
    mastery: mastery.get(paper.id) ?? 0,
  };
}
