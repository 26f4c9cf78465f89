"use server";
import { studySetSchema } from "@/app/lib/schemas/review";
import { authedAction } from "../auth/guard";
import { addPaperToStudySet, removePaperFromStudySet } from "../data/study-set";

/** Adds a note's cards to the signed-in user's study set. */
export const addToStudySet = authedAction(studySetSchema, async (user, { paperSlug }) => {
  await addPaperToStudySet(user.id, paperSlug);
  return { paperSlug, inStudySet: true };
});

/** Takes a note's cards out of the study set (their history stays). */
export const removeFromStudySet = authedAction(studySetSchema, async (user, { paperSlug }) => {
  await removePaperFromStudySet(user.id, paperSlug);
  return { paperSlug, inStudySet: false };
});
