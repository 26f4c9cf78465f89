import "#server-only";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./session";

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
