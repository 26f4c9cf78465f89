import "#server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getSessionUser } from "../auth/session";
import { cookieOptions } from "../http/cookies";
import { claimGuestAttempts, type QuizOwner } from "./quiz-attempts";

/**
 * Who is taking quizzes in this request: the signed-in user, or a guest known by a random
 * token in an httpOnly cookie. A signed-in user who still carries a guest token claims that
 * guest's attempts here (on opening a quiz page or at the next quiz action).
 */
export const GUEST_COOKIE = "paperdeck-quiz-guest";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export async function currentQuizOwner(options: { create?: boolean; canWriteCookies?: boolean } = {}): Promise<QuizOwner | null> {
  const [user, jar] = await Promise.all([getSessionUser(), cookies()]);
  const raw = jar.get(GUEST_COOKIE)?.value;
  const token = raw && TOKEN_PATTERN.test(raw) ? raw : undefined;
  if (user) {
    if (token) {
      await claimGuestAttempts(user.id, token, new Date());
      // Pages cannot change cookies; actions and route handlers drop the spent token.
      if (options.canWriteCookies) jar.delete(GUEST_COOKIE);
    }
    return { kind: "user", userId: user.id };
  }
  if (token) return { kind: "guest", guestToken: token };
  if (!options.create) return null;
  const guestToken = randomBytes(24).toString("base64url");
  jar.set(GUEST_COOKIE, guestToken, cookieOptions(60 * 60 * 24 * 30));
  return { kind: "guest", guestToken };
}
