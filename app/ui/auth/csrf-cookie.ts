import "#server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env, useSecureCookies } from "@/app/lib/server/env";

/**
 * next-auth v4's double-submit CSRF cookie, `token|sha256(token + secret)`
 * (node_modules/next-auth/core/lib/csrf-token.js), so that a form posted without JavaScript
 * can carry the token next-auth checks: read by the sign-in page, issued after a sign-up.
 */
function cookieName(): string {
  return `${useSecureCookies() ? "__Host-" : ""}next-auth.csrf-token`;
}

function hashOf(token: string): string {
  return createHash("sha256").update(`${token}${env().NEXTAUTH_SECRET}`).digest("hex");
}

/** The token in this visitor's next-auth CSRF cookie when the cookie is genuine, else "". */
export async function csrfTokenFromCookie(): Promise<string> {
  const value = (await cookies()).get(cookieName())?.value ?? "";
  const [token, hash] = value.split("|");
  return token && hash && hash === hashOf(token) ? token : "";
}

/** Gives the visitor a next-auth CSRF cookie unless a genuine one exists (server actions only). */
export async function ensureCsrfCookie(): Promise<void> {
  if (await csrfTokenFromCookie()) return;
  const token = randomBytes(32).toString("hex");
  (await cookies()).set(cookieName(), `${token}|${hashOf(token)}`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: useSecureCookies(),
  });
}

/** next-auth's callback-url cookie: where a sign-in was headed before next-auth's error redirect. */
export async function callbackUrlFromCookie(): Promise<string | undefined> {
  const name = `${useSecureCookies() ? "__Secure-" : ""}next-auth.callback-url`;
  return (await cookies()).get(name)?.value;
}
