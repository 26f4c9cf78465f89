import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import type { StoredMail } from "../setup/e2e-mail";
import {
  STRONG_PASSWORD,
  baseUrl,
  closeBrowserAndDatabase,
  hasBrowser,
  newPage,
  openBrowserAndDatabase,
  signIn,
  uniqueEmail,
} from "./browser";

const NEW_PASSWORD = "a fresh password after the reset 7";
const SENT = "If an account exists for that address, we sent a link to it. The link works for 30 minutes.";

/** The mails the app server has sent to this address (through the SMTP server of e2e-mail.ts). */
function mailsTo(address: string): StoredMail[] {
  const dir = inject("mailDir");
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as StoredMail)
    .filter((m) => m.to.includes(address));
}

/** Waits for the `count`th mail to the address (a reset mail is sent after the page has answered). */
async function nthMailTo(address: string, count = 1): Promise<StoredMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = mailsTo(address)[count - 1];
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail number ${count} to ${address} within 15 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The link's path and query, to open on the test server; its origin must be the site's (NEXTAUTH_URL). */
function linkIn(mail: StoredMail, pathname: string): string {
  const link = mail.text
    .match(/https?:\/\/\S+/g)
    ?.map((l) => new URL(l))
    .find((u) => u.pathname === pathname);
  if (!link) throw new Error(`no ${pathname} link in:\n${mail.text}`);
  expect(link.origin).toBe(new URL(baseUrl()).origin);
  return link.pathname + link.search;
}

async function askForReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await page.getByTestId("forgot-password-sent").waitFor();
  return page.getByTestId("forgot-password-sent").textContent();
}

describe.runIf(hasBrowser)("a forgotten password and an unverified address, by mail", () => {
  let browser: Browser;
  let db: pg.Client;

  /** An account as sign-up makes it (unverified), written directly: sign-ups from one address are limited. */
  async function createAccount(email: string) {
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
      randomUUID(),
      email,
      await hashPassword(STRONG_PASSWORD),
    ]);
  }

  async function signedIn(email: string) {
    await createAccount(email);
    const opened = await newPage(browser);
    await signIn(opened.page, email);
    await opened.page.getByTestId("user-menu").waitFor();
    return opened;
  }
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(async () => {
    await closeBrowserAndDatabase(browser, db);
  });

  it("resets the password from the sign-in page's link, once, and signs the old session out", async () => {
    const email = uniqueEmail("forgot");
    const old = await signedIn(email);

    const { context, page } = await newPage(browser);
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByTestId("forgot-password-sent").textContent()).resolves.toBe(SENT);

    const mail = await nthMailTo(email);
    expect(mail.subject).toBe("Reset your PaperDeck password");
    const link = linkIn(mail, "/reset-password");
    await page.goto(link);
    // The sign-up rule, under its field; the link survives it.
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page.getByText("one of the 10,000 most common").textContent()).resolves.toContain("Choose another");
    await expect(page.getByLabel("New password").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.waitForURL("**/signin?reset=1");
    await page.getByText("Your password is changed and every device was signed out.").waitFor();

    await signIn(page, email, NEW_PASSWORD);
    await page.getByTestId("user-menu").waitFor();

    // The session from before the reset no longer opens the account page.
    await old.page.goto("/account");
    expect(new URL(old.page.url()).pathname).toBe("/signin");

    // The link a second time: said in words, with a way to ask again.
    await page.goto(link);
    await expect(page.getByTestId("link-problem").textContent()).resolves.toBe(
      "This link has already been used: each link works once. Ask for a new one.",
    );
    await page.getByTestId("link-problem-action").click();
    await page.waitForURL("**/forgot-password");
    await context.close();
    await old.context.close();
  });

  it("answers an unknown address as a known one and mails nothing; an expired link says so", async () => {
    const { context, page } = await newPage(browser);
    const nobody = uniqueEmail("nobody");
    await expect(askForReset(page, nobody)).resolves.toBe(SENT);

    const email = uniqueEmail("expired");
    await createAccount(email);
    await expect(askForReset(page, email)).resolves.toBe(SENT);
    const link = linkIn(await nthMailTo(email), "/reset-password");
    expect(mailsTo(nobody)).toHaveLength(0);

    await db.query(`UPDATE "EmailToken" SET "expiresAt" = now() - interval '1 minute' WHERE email = $1`, [email]);
    await page.goto(link);
    await expect(page.getByTestId("link-problem").textContent()).resolves.toBe(
      "This link has expired: a link works for 30 minutes. Ask for a new one.",
    );
    await page.goto("/reset-password?token=made-up");
    await expect(page.getByTestId("link-problem").textContent()).resolves.toMatch(/^This link is not valid\./);
    await context.close();
  });

  it("asks for a link and sets the password without JavaScript", async () => {
    const email = uniqueEmail("nojs-reset");
    await createAccount(email);

    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    await expect(askForReset(page, email)).resolves.toBe(SENT);
    await page.goto(linkIn(await nthMailTo(email), "/reset-password"));
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByText("Your password is changed and every device was signed out.").waitFor();
    await signIn(page, email, NEW_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/signin" && !url.pathname.startsWith("/api/auth"));
    expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
    await context.close();
  });

  it("verifies a new account's address from the account page, without blocking anything before", async () => {
    const email = uniqueEmail("verify");
    const { context, page } = await signedIn(email);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Verify your email" }).waitFor();
    await page.getByTestId("send-verification-email").click();
    await expect(page.getByTestId("verify-email-message").textContent()).resolves.toBe(
      `We sent a link to ${email}. It works for 24 hours.`,
    );
    const mail = await nthMailTo(email);
    expect(mail.subject).toBe("Verify your PaperDeck email address");
    const link = linkIn(mail, "/verify-email");
    await page.goto(link);
    await page.getByRole("button", { name: "Verify my address" }).click();
    await expect(page.getByTestId("verify-email-done").textContent()).resolves.toBe(`Thank you: ${email} is verified.`);
    await page.goto("/account");
    await page.getByText(`Signed in as ${email}`).waitFor();
    expect(await page.getByRole("heading", { name: "Verify your email" }).count()).toBe(0);
    await page.goto(link);
    await expect(page.getByTestId("link-problem").textContent()).resolves.toMatch(/^This link has already been used/);
    await context.close();
  });
});
