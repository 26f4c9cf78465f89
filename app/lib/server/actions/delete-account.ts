"use server";
import { deleteAccountSchema } from "@/app/lib/schemas/user-data";
import { authedAction } from "../auth/guard";
import { verifyPassword } from "../auth/password";
import { db } from "../db";
import { deleteAccountAndData } from "../data/user-data";
import { BadRequestError } from "../errors";

/**
 * Deletes the signed-in account and all its data, once the user has typed its email and, for an
 * account with a password, the password (a session left open elsewhere is not enough).
 */
export const deleteAccount = authedAction(deleteAccountSchema, async (user, input) => {
  if (input.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new BadRequestError("That is not your account's email. Nothing was deleted.");
  }
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (account?.passwordHash && !(await verifyPassword(input.password ?? "", account.passwordHash))) {
    throw new BadRequestError("That is not your password. Nothing was deleted.");
  }
  await deleteAccountAndData(user.id);
  return { deleted: true };
});
