import type { ServerErrorBody } from "@/app/ui/i18n/use-server-error";
import { csrfToken } from "./next-auth-client";
import { readAuthRedirect, readTooManyRequests } from "@/app/lib/schemas/shell-responses";
import { readJson } from "@/app/ui/read-json";

/**
 * Signs in through next-auth's credentials callback. Done by hand rather than with
 * next-auth/react's `signIn()`, which cannot report our 429 + Retry-After.
 */
export type SignInOutcome =
  | { ok: true }
  /** `refused`: the server's answer (the rate limit), shown through useServerError; else wrong credentials. */
  | { ok: false; message: string; retryAfter?: number; refused?: ServerErrorBody };

export async function credentialsSignIn(email: string, password: string): Promise<SignInOutcome> {
  const token = await csrfToken();
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken: token, json: "true" }),
  });
  if (response.status === 429) {
    const body = await readJson(response, readTooManyRequests);
    return { ok: false, message: body?.error ?? "Too many attempts. Try again later.", retryAfter: body?.retryAfter, refused: body ?? undefined };
  }
  const body = await readJson(response, readAuthRedirect);
  const failed = !response.ok || (body?.url ? new URL(body.url, location.href).searchParams.has("error") : true);
  if (failed) return { ok: false, message: "Wrong email or password." };
  return { ok: true };
}
