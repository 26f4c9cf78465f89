"use server";
import { z } from "zod";
import { authedAction } from "../auth/guard";
import { saveStudyAll } from "../data/settings";

/**
 * Studies all notes (true) or the study set only (false): the undo the study-set button offers
 * right after a first addition switched the user to their set.
 */
export const setStudyAll = authedAction(z.object({ studyAll: z.boolean() }), async (user, { studyAll }) => {
  await saveStudyAll(user.id, studyAll);
  return { studyAll };
});
