"use server";
import { updatePassageCardSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { updatePassageCard as updateCard } from "../data/passage-cards";
import { tooManySaves } from "../own-note-messages";

/** Edits one of the reader's personal cards on a corpus passage; its reviews stay with it. */
export const updatePassageCard = authedAction(updatePassageCardSchema, async (user, input) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw await tooManySaves(wait, false);
  await updateCard(user.id, input, new Date());
  return { saved: true };
});
