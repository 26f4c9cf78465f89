import "#server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/app/lib/server/env";
import { cookieName, cookieOptions } from "@/app/lib/server/http/cookies";

/**
 * next-auth v4's double-submit CSRF cookie, `token|sha256(token + secret)`
 * (node_modules/next-auth/core/lib/csrf-token.js), made and checked here so that a form
 * posted without JavaScript can carry the token next-auth checks.
 */
export function csrfCookieName(): string {
  return cookieName("next-auth.csrf-token", "__Host-");
}

function hashOf(token: string): string {
  return createHash("sha256").update(`${token}${env().NEXTAUTH_SECRET}`).digest("hex");
}

/** The token in a CSRF cookie's value when the cookie is genuine (made with our secret), else "". */
export function genuineCsrfToken(cookieValue: string | undefined): string {
  const [token, hash] = (cookieValue ?? "").split("|");
  return token && hash && hash === hashOf(token) ? token : "";
}

/** A new CSRF cookie: its value and the attributes next-auth gives its own. */
export function newCsrfCookie() {
  const token = randomBytes(32).toString("hex");
  return {
    name: csrfCookieName(),
    value: `${token}|${hashOf(token)}`,
    options: cookieOptions(),
  };
}
