import "#server-only";
import { db } from "../db";
import { lowerNewCardsBound } from "../sql/new-cards-bound";
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

/** What adding a note did to what the user studies (the button says it in words). */
export interface StudySetAddition {
  /** The user studied all notes and this was the set's first note: now only the set is studied. */
  switched: boolean;
  /** Whether all notes are studied after the addition (the set then waits for a switch). */
  studyAll: boolean;
  /** Notes in the set after the addition. */
  setSize: number;
}

/**
 * Adds a note's cards to the user's study set. Adding a note is meant to study it: the first
 * note added by a user who studies all notes (the default) switches them to their study set,
 * and the answer says so (the button offers to switch back). Later additions leave the choice
 * as it is: someone who switched back to all notes on purpose keeps that.
 */
export async function addPaperToStudySet(userId: string, slug: string): Promise<StudySetAddition> {
  const paperId = await livePaperId(userId, slug);
  // Plain statements, no interactive transaction: a cold first request on a loaded machine
  // outlasted one's 5 s (the access suite's seeding). Each step is safe on its own.
  await db.userSettings.createMany({ data: [{ userId }], skipDuplicates: true });
  const live = { userId, paper: { retiredAt: null } };
  const before = await db.studySetPaper.count({ where: live });
  const added = await db.studySetPaper.createMany({ data: [{ userId, paperId }], skipDuplicates: true });
  // Only a first addition switches, and of two at once only one: the row lock makes the
  // second UPDATE see studyAll already false.
  const switched =
    before === 0 && added.count === 1
      ? (await db.userSettings.updateMany({ where: { userId, studyAll: true }, data: { studyAll: false } })).count === 1
      : false;
  // Its new cards may come before the ones the queue was looking at.
  await lowerNewCardsBound(db, userId, { paperId });
  const [settings, setSize] = await Promise.all([
    db.userSettings.findUniqueOrThrow({ where: { userId }, select: { studyAll: true } }),
    db.studySetPaper.count({ where: live }),
  ]);
  return { switched, studyAll: settings.studyAll, setSize };
}

/** Removes a note from the set; its card states and history stay (adding it back resumes them). */
export async function removePaperFromStudySet(userId: string, slug: string): Promise<void> {
  const paperId = await livePaperId(userId, slug);
  await db.studySetPaper.deleteMany({ where: { userId, paperId } });
}
