import "#server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { claimGuestAttempts } from "../data/quiz-attempts";
import { cookieOptions } from "../http/cookies";

/**
 * A guest takes quizzes under a random token kept in an httpOnly cookie: the token is what
 * proves a guest's attempts theirs, until someone signs in on that browser and claims them.
 * The name carries no `__Host-` prefix: guests' browsers already hold it under this one.
 */
const GUEST_COOKIE = "paperdeck-quiz-guest";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
const GUEST_COOKIE_SECONDS = 60 * 60 * 24 * 30;

/** The request's guest token when it carries a well-formed one. Reads only. */
export async function readGuestToken(): Promise<string | undefined> {
  const raw = (await cookies()).get(GUEST_COOKIE)?.value;
  return raw && TOKEN_PATTERN.test(raw) ? raw : undefined;
}

/** Gives this browser a new guest token (an action's response sets it; a page cannot). */
export async function startGuest(): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  (await cookies()).set(GUEST_COOKIE, token, cookieOptions(GUEST_COOKIE_SECONDS));
  return token;
}

/**
 * Gives the attempts of this browser's guest to `userId` and drops the spent token; 0 without
 * a token. Only where a request may write: at sign-in (next-auth's jwt callback), and in a quiz
 * action of a signed-in user who still carries a token (a sign-in whose claim failed).
 */
export async function claimGuestAttemptsFor(userId: string, now: Date): Promise<number> {
  const token = await readGuestToken();
  if (!token) return 0;
  const claimed = await claimGuestAttempts(userId, token, now);
  (await cookies()).delete(GUEST_COOKIE);
  return claimed;
}
