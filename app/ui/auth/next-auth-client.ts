/**
 * The next-auth browser calls the app needs, done with fetch. Sign-out and the CSRF token live
 * in public/islands/session.js, which the note page (no React runtime there) loads as it is.
 */
import { csrfToken } from "@/public/islands/session.js";

export { csrfToken, signOut } from "@/public/islands/session.js";

/** Starts an OAuth sign-in with `provider` (GitHub, Google): the browser leaves for the provider. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const response = await fetch(`/api/auth/signin/${provider}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  const body = (await response.json()) as { url?: string };
  window.location.href = body.url ?? "/signin";
}
