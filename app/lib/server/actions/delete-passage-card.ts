"use server";
import { passageCardRefSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { deletePassageCard as deleteCard } from "../data/passage-cards";
import { tooManySaves } from "../own-note-messages";

/** Deletes one of the reader's personal cards: retired with its history, as a removed card is. */
export const deletePassageCard = authedAction(passageCardRefSchema, async (user, { id }) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw await tooManySaves(wait, false);
  await deleteCard(user.id, id, new Date());
  return { deleted: true };
});
