import "#server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db";
import { authOptions } from "./options";

/** next-auth's session of this request, read once per request. */
const currentSession = cache(() => getServerSession(authOptions()));

/**
 * When this session signed in (ms), or null for a session issued before that was recorded.
 * Only meaningful once `getSessionUser` accepted the session (the guard did).
 */
export async function sessionSignedInAt(): Promise<number | null> {
  const session = await currentSession();
  return typeof session?.sat === "number" ? session.sat * 1000 : null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user, or null. A JWT alone is not enough: its session version must still match
 * the user's, so "sign out everywhere" and a password change end older sessions at once, and
 * its sign-in id must not have been revoked by a sign-out. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid) return null;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, sessionVersion: true } }),
    db.revokedSession.findUnique({ where: { sessionId: sid }, select: { sessionId: true } }),
  ]);
  if (!user || revoked || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name };
});
