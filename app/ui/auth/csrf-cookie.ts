import "#server-only";
import { cookies } from "next/headers";
import { csrfCookieName, genuineCsrfToken, newCsrfCookie } from "@/app/lib/server/auth/csrf-token";
import { cookieName } from "@/app/lib/server/http/cookies";

/** The token in this visitor's next-auth CSRF cookie when the cookie is genuine, else "". */
export async function csrfTokenFromCookie(): Promise<string> {
  return genuineCsrfToken((await cookies()).get(csrfCookieName())?.value);
}

/** Gives the visitor a next-auth CSRF cookie unless a genuine one exists (server actions only). */
export async function ensureCsrfCookie(): Promise<void> {
  if (await csrfTokenFromCookie()) return;
  const cookie = newCsrfCookie();
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

/** next-auth's callback-url cookie: where a sign-in was headed before next-auth's error redirect. */
export async function callbackUrlFromCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName("next-auth.callback-url", "__Secure-"))?.value;
}
