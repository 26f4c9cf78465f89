"use server";
import { deleteAccountSchema } from "@/app/lib/schemas/user-data";
import { authedAction } from "../auth/guard";
import { deleteAccountAndData } from "../data/user-data";
import { BadRequestError } from "../errors";

/** Deletes the signed-in account and all its data, once the user has typed its email. */
export const deleteAccount = authedAction(deleteAccountSchema, async (user, input) => {
  if (input.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new BadRequestError("That is not your account's email. Nothing was deleted.");
  }
  await deleteAccountAndData(user.id);
  return { deleted: true };
});
