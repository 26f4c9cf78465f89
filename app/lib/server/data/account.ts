import "#server-only";
import { isFreshSignIn } from "@/app/lib/domain/account/fresh-sign-in";
import { verifyPassword } from "../auth/password";
import { db } from "../db";
import { BadRequestError, ReauthenticationRequiredError } from "../errors";
import { deleteAccountAndData } from "./user-data";

/** Whether the account signs in with a password (else only through an OAuth provider). */
export async function accountHasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}

/** The message (and the UI's cue to offer "sign in again") for a stale OAuth-only session. */
export const SIGN_IN_AGAIN_TO_DELETE =
  "Sign in again to delete your account: deleting needs a sign-in from the last 5 minutes. Nothing was deleted.";

/**
 * Deletes an account and all its data once the person has shown it is theirs: the account's
 * email typed, and its password, or, for an account without one (OAuth only), a sign-in from the
 * last few minutes (`signedInAt`, the session's sign-in time; null for an older session).
 */
export async function deleteAccountConfirmed(
  user: { id: string; email: string },
  input: { confirmEmail: string; password?: string },
  signedInAt: number | null,
  now: Date,
): Promise<{ deleted: true }> {
  if (input.confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new BadRequestError("That is not your account's email. Nothing was deleted.");
  }
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (account?.passwordHash) {
    if (!(await verifyPassword(input.password ?? "", account.passwordHash))) {
      throw new BadRequestError("That is not your password. Nothing was deleted.");
    }
  } else if (!isFreshSignIn(signedInAt, now.getTime())) {
    throw new ReauthenticationRequiredError(SIGN_IN_AGAIN_TO_DELETE);
  }
  await deleteAccountAndData(user.id);
  return { deleted: true };
}
