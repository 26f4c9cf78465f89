import "#server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db";

/**
 * Failed sign-ins, counted in PostgreSQL (table "RateLimit") so that the limit holds across
 * app instances. Per account: 5 failures in 15 minutes; per IP: 20 failures in 15 minutes.
 * A success clears the account's counter.
 */
const WINDOW_SECONDS = 15 * 60;

const perAccount = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimit",
  keyPrefix: "signin-account",
  points: 5,
  duration: WINDOW_SECONDS,
  clearExpiredByTimeout: false,
});

const perIp = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimit",
  keyPrefix: "signin-ip",
  points: 20,
  duration: WINDOW_SECONDS,
  clearExpiredByTimeout: false,
});

const signUps = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimit",
  keyPrefix: "signup-ip",
  points: 10,
  duration: 60 * 60,
  clearExpiredByTimeout: false,
});

/** Seconds until another attempt is allowed, or 0 when the caller may try now. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([perAccount.get(email), perIp.get(ip)]);
  const waits = [
    account && account.consumedPoints >= 5 ? account.msBeforeNext : 0,
    address && address.consumedPoints >= 20 ? address.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

async function consume(limiter: RateLimiterPrisma, key: string) {
  try {
    await limiter.consume(key);
  } catch (result) {
    // Over the limit: the rejection is the limiter's answer, not an error.
    if (!(result instanceof RateLimiterRes)) throw result;
  }
}

export async function recordFailedSignIn(email: string, ip: string) {
  await Promise.all([consume(perAccount, email), consume(perIp, ip)]);
}

export async function clearFailedSignIns(email: string) {
  await perAccount.delete(email);
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
