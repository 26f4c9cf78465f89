"use server";
import { updatePassageCardSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { updatePassageCard as updateCard } from "../data/passage-cards";
import { TooManyRequestsError } from "../errors";

/** Edits one of the reader's personal cards on a corpus passage; its reviews stay with it. */
export const updatePassageCard = authedAction(updatePassageCardSchema, async (user, input) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw new TooManyRequestsError(`You saved very often this minute. Try again in ${wait} s.`, wait);
  await updateCard(user.id, input, new Date());
  return { saved: true };
});
