import "#server-only";
import { db } from "../db";

/** Whether the account signs in with a password (else only through an OAuth provider). */
export async function accountHasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
