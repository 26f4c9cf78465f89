import { describe, expect, it } from "vitest";
import {
  clearFailedSignIns,
  recordFailedSignIn,
  signInBlockedFor,
} from "@/app/lib/server/auth/rate-limit";
import { db } from "@/app/lib/server/db";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

describe("the failed sign-in limit in PostgreSQL", () => {
  it("blocks an account after five failures and reports how long to wait", async () => {
    const email = unique();
    for (let i = 0; i < 4; i += 1) await recordFailedSignIn(email, `10.0.0.${i}`);
    await expect(signInBlockedFor(email, "10.0.1.1")).resolves.toBe(0);
    await recordFailedSignIn(email, "10.0.0.9");
    const wait = await signInBlockedFor(email, "10.0.1.1");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    const row = await db.rateLimit.findUnique({ where: { key: `signin-account:${email}` } });
    expect(row?.points).toBe(5);
  });

  it("blocks an address after twenty failures across accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    for (let i = 0; i < 20; i += 1) await recordFailedSignIn(unique(), ip);
    expect(await signInBlockedFor(unique(), ip)).toBeGreaterThan(0);
  });

  it("clears an account's counter after a successful sign-in", async () => {
    const email = unique();
    for (let i = 0; i < 5; i += 1) await recordFailedSignIn(email, "198.51.100.1");
    await clearFailedSignIns(email);
    await expect(signInBlockedFor(email, "198.51.100.2")).resolves.toBe(0);
  });
});
