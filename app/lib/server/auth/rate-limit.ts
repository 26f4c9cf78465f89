import "#server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { db } from "../db";

/**
 * Failed sign-ins, counted in PostgreSQL (table "RateLimit") so that the limits hold across
 * app instances. Shaped as OWASP's authentication cheat sheet suggests, so that a stranger
 * cannot lock an account's owner out:
 *
 * - per (account, address): 5 failures in 15 minutes block that pair only;
 * - per address: 20 failures in 15 minutes across accounts (credential stuffing);
 * - per account, from every address together: 50 failures in an hour block the account for
 *   addresses it has never signed in from. An address that signed in successfully in the last
 *   90 days is known to the account and is exempt, so its owner gets in during an attack.
 *
 * A success clears its pair's counter and marks the address as known to the account.
 */
const WINDOW_SECONDS = 15 * 60;
export const LIMITS = { pair: 5, address: 20, account: 50 } as const;

const limiter = (keyPrefix: string, points: number, duration: number) =>
  new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, points, duration, clearExpiredByTimeout: false });

const perPair = limiter("signin-pair", LIMITS.pair, WINDOW_SECONDS);
const perAddress = limiter("signin-ip", LIMITS.address, WINDOW_SECONDS);
const perAccount = limiter("signin-account", LIMITS.account, 60 * 60);
const knownAddresses = limiter("signin-known", 1, 90 * 24 * 60 * 60);
const signUps = limiter("signup-ip", 10, 60 * 60);

const pairKey = (email: string, ip: string) => `${email}|${ip}`;

function wait(result: RateLimiterRes | null, limit: number): number {
  return result && result.consumedPoints >= limit ? result.msBeforeNext : 0;
}

/** Seconds until another attempt is allowed, or 0 when the caller may try now. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const [pair, address, account, known] = await Promise.all([
    perPair.get(pairKey(email, ip)),
    perAddress.get(ip),
    perAccount.get(email),
    knownAddresses.get(pairKey(email, ip)),
  ]);
  const waits = [
    wait(pair, LIMITS.pair),
    wait(address, LIMITS.address),
    known ? 0 : wait(account, LIMITS.account),
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

async function consume(limit: RateLimiterPrisma, key: string) {
  try {
    await limit.consume(key);
  } catch (result) {
    // Over the limit: the rejection is the limiter's answer, not an error.
    if (!(result instanceof RateLimiterRes)) throw result;
  }
}

export async function recordFailedSignIn(email: string, ip: string) {
  await Promise.all([consume(perPair, pairKey(email, ip)), consume(perAddress, ip), consume(perAccount, email)]);
}

/** After a successful sign-in: the pair starts afresh and the address becomes known. */
export async function recordSuccessfulSignIn(email: string, ip: string) {
  await Promise.all([perPair.delete(pairKey(email, ip)), knownAddresses.set(pairKey(email, ip), 1, 90 * 24 * 60 * 60)]);
}

/**
 * A completed password reset shows the mailbox's owner is at the keyboard: the account's own
 * sign-in counters (every address's pair, and the account-wide one) start afresh, so the owner
 * is not kept out by an attack's failures with the new password in hand. The per-address counter
 * stays: it is about the attacker's network, not this account.
 */
export async function liftSignInLockout(email: string) {
  await db.rateLimit.deleteMany({
    where: { OR: [{ key: `signin-account:${email}` }, { key: { startsWith: `signin-pair:${email}|` } }] },
  });
}

/** Returns seconds to wait when this IP has created too many accounts, else 0. */
export async function consumeSignUp(ip: string): Promise<number> {
  try {
    await signUps.consume(ip);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.ceil(result.msBeforeNext / 1000);
    throw result;
  }
}

/**
 * Mailed links (password resets, address checks), per hour. A reset is limited per address
 * asked for, whether or not an account has it (so the limit tells nothing), and per client
 * address; a verification link per user. Counted on every request, so waiting is the only way on.
 */
const MAIL_WINDOW_SECONDS = 60 * 60;
export const MAIL_LIMITS = { resetPerEmail: 5, resetPerAddress: 20, verifyPerUser: 5 } as const;

const resetsPerEmail = limiter("reset-email", MAIL_LIMITS.resetPerEmail, MAIL_WINDOW_SECONDS);
const resetsPerAddress = limiter("reset-ip", MAIL_LIMITS.resetPerAddress, MAIL_WINDOW_SECONDS);
const verificationsPerUser = limiter("verify-user", MAIL_LIMITS.verifyPerUser, MAIL_WINDOW_SECONDS);

/** Milliseconds to wait when this key is over its limit, else 0; the attempt is counted. */
async function consumeOrWait(limit: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await limit.consume(key);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return result.msBeforeNext;
    throw result;
  }
}

/** Seconds to wait when this email or this client asked for too many reset links, else 0. */
export async function consumePasswordResetRequest(email: string, ip: string): Promise<number> {
  const waits = await Promise.all([consumeOrWait(resetsPerEmail, email), consumeOrWait(resetsPerAddress, ip)]);
  return Math.ceil(Math.max(...waits) / 1000);
}

/** Seconds to wait when this user asked for too many verification links, else 0. */
export async function consumeVerificationRequest(userId: string): Promise<number> {
  return Math.ceil((await consumeOrWait(verificationsPerUser, userId)) / 1000);
}

/**
 * Saves of one's own notes (issue 17), autosaves included: a fixed number a minute per user, so
 * that a runaway client cannot fill the database. The editor's autosave stays well under it.
 */
const noteSaves = limiter("note-save", OWN_NOTE_LIMITS.savesPerMinute, 60);

/** Seconds to wait when this user saved too often this minute, else 0; the save is counted. */
export async function consumeNoteSave(userId: string): Promise<number> {
  return Math.ceil((await consumeOrWait(noteSaves, userId)) / 1000);
}
