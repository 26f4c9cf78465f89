import "#server-only";
import type { QuizOwner } from "../data/quiz-attempts";
import { claimGuestAttemptsFor, readGuestToken, startGuest } from "./guest-token";
import { getSessionUser } from "./session";

/**
 * Who is taking quizzes, for a read (a page, a GET route): the signed-in user, else the guest
 * whose token is in the cookie, else null. Writes nothing: a guest's attempts are claimed at
 * sign-in, never while a page renders.
 */
export async function readQuizOwner(): Promise<QuizOwner | null> {
  const [user, token] = await Promise.all([getSessionUser(), readGuestToken()]);
  if (user) return { kind: "user", userId: user.id };
  return token ? { kind: "guest", guestToken: token } : null;
}

/**
 * Who is taking quizzes, for a quiz action (a POST, which may write): as `readQuizOwner`, and
 * a signed-in user still carrying a guest token claims it first (sign-in claims it normally);
 * with `startGuest`, a visitor with neither becomes a guest with a new token.
 */
export async function actingQuizOwner(options: { startGuest: boolean }): Promise<QuizOwner | null> {
  const [user, token] = await Promise.all([getSessionUser(), readGuestToken()]);
  if (user) {
    if (token) await claimGuestAttemptsFor(user.id, new Date());
    return { kind: "user", userId: user.id };
  }
  if (token) return { kind: "guest", guestToken: token };
  return options.startGuest ? { kind: "guest", guestToken: await startGuest() } : null;
}
