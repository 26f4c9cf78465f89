/**
 * The next-auth browser calls the app needs, done with fetch: next-auth/react would add ~13 KB
 * of gzipped JavaScript for the same requests.
 */
import { readAuthRedirect, readCsrfToken } from "@/app/lib/schemas/shell-responses";
import { readJson } from "@/app/ui/read-json";

/** The token next-auth's POST endpoints require (double-submit cookie). */
export async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf");
  const token = await readJson(response, readCsrfToken);
  if (!token) throw new Error(`No CSRF token from /api/auth/csrf (HTTP ${response.status})`);
  return token;
}

/** Ends this browser's session, then goes to `callbackUrl`. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  window.location.href = callbackUrl;
}

/** Starts an OAuth sign-in with `provider` (GitHub, Google): the browser leaves for the provider. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const response = await fetch(`/api/auth/signin/${provider}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  const body = await readJson(response, readAuthRedirect);
  window.location.href = body?.url ?? "/signin";
}
