/**
 * How recent a sign-in must be for an account without a password to be deleted: with no
 * password to ask for, a fresh sign-in with the provider shows the person at the keyboard owns
 * the account (a session left open on a shared computer is not enough). GitHub's "sudo mode"
 * and Google's re-authentication use a few minutes too.
 */
export const FRESH_SIGN_IN_MS = 5 * 60_000;

/**
 * Whether a session that signed in at `signedInAtMs` (null for a session issued before the
 * sign-in time was recorded) counts as fresh at `nowMs`. A sign-in time in the future by more
 * than a minute (a forged or skewed claim) is not fresh.
 */
export function isFreshSignIn(signedInAtMs: number | null, nowMs: number): boolean {
  if (signedInAtMs === null) return false;
  const age = nowMs - signedInAtMs;
  return age <= FRESH_SIGN_IN_MS && age >= -60_000;
}
