/**
 * Who may delete an account without a password (a fresh sign-in), and which accounts an OAuth
 * sign-in may attach to (never one whose email is unverified).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FRESH_SIGN_IN_MS } from "@/app/lib/domain/account/fresh-sign-in";
import { hashPassword } from "@/app/lib/server/auth/password";
import { oauthLinkRefused, userForOAuth } from "@/app/lib/server/auth/oauth-link";
import { db } from "@/app/lib/server/db";
import { SIGN_IN_AGAIN_TO_DELETE, deleteAccountConfirmed } from "@/app/lib/server/data/account";
import { AppError } from "@/app/lib/server/errors";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const PASSWORD = "a long enough password 7";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function oauthOnlyUser() {
  const email = unique("oauth-only");
  const user = await db.user.create({ data: { email, emailVerified: new Date(), settings: { create: {} } }, select: { id: true, email: true } });
  await db.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: randomUUID() } });
  return user;
}

describe("deleting an account without a password", () => {
  it("asks a session signed in more than five minutes ago to sign in again, and deletes nothing", async () => {
    const user = await oauthOnlyUser();
    const now = new Date();
    const stale = await refusal(deleteAccountConfirmed(user, { confirmEmail: user.email }, now.getTime() - FRESH_SIGN_IN_MS - 1000, now));
    expect(stale.status).toBe(403);
    expect(stale.message).toBe(SIGN_IN_AGAIN_TO_DELETE);
    // A session from before sign-in times were recorded is not fresh either.
    expect((await refusal(deleteAccountConfirmed(user, { confirmEmail: user.email }, null, now))).status).toBe(403);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("deletes it after a sign-in within the last five minutes, the email typed", async () => {
    const user = await oauthOnlyUser();
    const now = new Date();
    const wrongEmail = await refusal(deleteAccountConfirmed(user, { confirmEmail: "someone@example.test" }, now.getTime() - 60_000, now));
    expect(wrongEmail.status).toBe(400);
    await expect(deleteAccountConfirmed(user, { confirmEmail: user.email.toUpperCase() }, now.getTime() - 60_000, now)).resolves.toEqual({ deleted: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("keeps asking a password account for its password, however fresh the sign-in", async () => {
    const email = unique("password-delete");
    const user = await db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), settings: { create: {} } }, select: { id: true, email: true } });
    const now = new Date();
    const wrong = await refusal(deleteAccountConfirmed(user, { confirmEmail: email, password: "not it" }, now.getTime(), now));
    expect(wrong.message).toBe("That is not your password. Nothing was deleted.");
    await expect(deleteAccountConfirmed(user, { confirmEmail: email, password: PASSWORD }, null, now)).resolves.toEqual({ deleted: true });
  });
});

describe("linking an OAuth sign-in to an account with the same email", () => {
  it("refuses an unverified password account (a squatter's sign-up) and links nothing", async () => {
    const email = unique("squatted");
    const squatter = await db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), settings: { create: {} } }, select: { id: true } });
    const sign = { email, provider: "github", providerAccountId: randomUUID() };
    expect(await oauthLinkRefused(sign)).toBe(true);
    await expect(userForOAuth({ ...sign, name: null, image: null, type: "oauth" })).rejects.toThrow(/not verified/);
    expect(await db.account.count({ where: { userId: squatter.id } })).toBe(0);
  });

  it("links to a password account once its email is verified, and keeps signing in a linked one", async () => {
    const email = unique("verified");
    const owner = await db.user.create({ data: { email, emailVerified: new Date(), passwordHash: await hashPassword(PASSWORD), settings: { create: {} } }, select: { id: true } });
    const sign = { email, provider: "google", providerAccountId: randomUUID() };
    expect(await oauthLinkRefused(sign)).toBe(false);
    const linked = await userForOAuth({ ...sign, name: null, image: null, type: "oauth" });
    expect(linked.id).toBe(owner.id);
    expect(await db.account.count({ where: { userId: owner.id, provider: "google" } })).toBe(1);
    // A new address creates a verified account of its own.
    const fresh = { email: unique("new-oauth"), provider: "github", providerAccountId: randomUUID() };
    expect(await oauthLinkRefused(fresh)).toBe(false);
    const created = await userForOAuth({ ...fresh, name: "New", image: null, type: "oauth" });
    expect(created.emailVerified).not.toBeNull();
  });
});
