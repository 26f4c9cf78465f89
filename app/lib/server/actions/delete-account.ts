"use server";
import { deleteAccountSchema } from "@/app/lib/schemas/user-data";
import { authedAction } from "../auth/guard";
import { sessionSignedInAt } from "../auth/session";
import { deleteAccountConfirmed } from "../data/account";

/**
 * Deletes the signed-in account and all its data, once the user has typed its email and, for an
 * account with a password, the password, or for one without, signed in within 5 minutes (a
 * session left open elsewhere is not enough).
 */
export const deleteAccount = authedAction(deleteAccountSchema, async (user, input) =>
  deleteAccountConfirmed(user, input, await sessionSignedInAt(), new Date()),
);
