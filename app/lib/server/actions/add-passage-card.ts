"use server";
import { getTranslations } from "next-intl/server";
import { addPassageCardSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { addPassageCard as addCard } from "../data/passage-cards";
import { TooManyRequestsError } from "../errors";

/** "Add my own card here" on a corpus note's section: a card of the reader's own, studied like any. */
export const addPassageCard = authedAction(addPassageCardSchema, async (user, input) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw new TooManyRequestsError(`You saved very often this minute. Try again in ${wait} s.`, wait);
  const t = await getTranslations("passageCards");
  return addCard(user.id, input, (title) => t("companionTitle", { title }), new Date());
});
