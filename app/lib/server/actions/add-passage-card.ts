"use server";
import { getTranslations } from "next-intl/server";
import { addPassageCardSchema } from "@/app/lib/schemas/own-notes";
import { authedAction } from "../auth/guard";
import { consumeNoteSave } from "../auth/rate-limit";
import { addPassageCard as addCard } from "../data/passage-cards";
import { tooManySaves, withOwnNoteMessages } from "../own-note-messages";

/** "Add my own card here" on a corpus note's section: a card of the reader's own, studied like any. */
export const addPassageCard = authedAction(addPassageCardSchema, async (user, input) => {
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw await tooManySaves(wait, false);
  const t = await getTranslations("passageCards");
  return withOwnNoteMessages(() => addCard(user.id, input, (title) => t("companionTitle", { title }), new Date()));
});
