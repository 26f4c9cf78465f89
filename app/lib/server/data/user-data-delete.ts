import "#server-only";
import { db } from "../db";
import { hardDeleteOwnNotes } from "./own-notes";

/**
 * Deletes the account and every row of it: the user row cascades to settings, study set, card
 * states, review log, quiz attempts (and their answers), OAuth accounts and sessions; the
 * sign-in rate-limit counter keyed by the email goes too. Returns false when it was already gone.
 */
export async function deleteAccountAndData(userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return false;
    // The sign-in limits' rows that name the address (per account, per (account, address) pair,
    // known addresses) and the mail limits' (reset links for the address, verification links
    // sent): an account deleted leaves no trace of its email behind. Its mailed links cascade.
    await tx.rateLimit.deleteMany({
      where: {
        OR: [
          { key: `signin-account:${user.email}` },
          { key: { startsWith: `signin-pair:${user.email}|` } },
          { key: { startsWith: `signin-known:${user.email}|` } },
          { key: `reset-email:${user.email}` },
          { key: `verify-user:${userId}` },
          { key: `note-save:${userId}` },
        ],
      },
    });
    // Own notes (issue 17) go first, with their history: a note's owner key does not cascade.
    await hardDeleteOwnNotes(tx, userId);
    await tx.user.delete({ where: { id: userId } });
    return true;
  });
}
