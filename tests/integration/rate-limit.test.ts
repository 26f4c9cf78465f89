import { describe, expect, it } from "vitest";
import {
  LIMITS,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  signInBlockedFor,
} from "@/app/lib/server/auth/rate-limit";
import { db } from "@/app/lib/server/db";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random().toString(36).slice(2)}`;

describe("the failed sign-in limit in PostgreSQL", () => {
  it("blocks an account from one address after five failures there and reports how long to wait", async () => {
    const email = unique();
    for (let i = 0; i < LIMITS.pair - 1; i += 1) await recordFailedSignIn(email, "10.0.0.1");
    await expect(signInBlockedFor(email, "10.0.0.1")).resolves.toBe(0);
    await recordFailedSignIn(email, "10.0.0.1");
    const wait = await signInBlockedFor(email, "10.0.0.1");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    const row = await db.rateLimit.findUnique({ where: { key: `signin-pair:${email}|10.0.0.1` } });
    expect(row?.points).toBe(LIMITS.pair);
  });

  it("anyone can lock anyone out: a stranger's five wrong passwords do not lock the owner out", async () => {
    const email = unique();
    for (let i = 0; i < LIMITS.pair; i += 1) await recordFailedSignIn(email, "203.0.113.66");
    expect(await signInBlockedFor(email, "203.0.113.66")).toBeGreaterThan(0);
    await expect(signInBlockedFor(email, "198.51.100.7")).resolves.toBe(0);
  });

  it("blocks an account for new addresses after fifty failures from many, but not for an address it signed in from", async () => {
    const email = unique();
    await recordSuccessfulSignIn(email, "198.51.100.20");
    for (let i = 0; i < LIMITS.account; i += 1) await recordFailedSignIn(email, `10.1.${Math.floor(i / 4)}.${i}`);
    expect(await signInBlockedFor(email, "10.9.9.9")).toBeGreaterThan(0);
    await expect(signInBlockedFor(email, "198.51.100.20")).resolves.toBe(0);
  });

  it("blocks an address after twenty failures across accounts", async () => {
    const ip = address();
    for (let i = 0; i < LIMITS.address; i += 1) await recordFailedSignIn(unique(), ip);
    expect(await signInBlockedFor(unique(), ip)).toBeGreaterThan(0);
  });

  it("clears the pair's counter after a successful sign-in", async () => {
    const email = unique();
    for (let i = 0; i < LIMITS.pair; i += 1) await recordFailedSignIn(email, "198.51.100.1");
    await recordSuccessfulSignIn(email, "198.51.100.1");
    await expect(signInBlockedFor(email, "198.51.100.1")).resolves.toBe(0);
  });
});
