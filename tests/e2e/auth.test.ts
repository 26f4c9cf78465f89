import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRONG_PASSWORD, baseUrl, hasBrowser, launchBrowser, newPage, signIn, signUp, uniqueEmail } from "./browser";

describe.runIf(hasBrowser)("signing in and out in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, signs out and signs back in", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("signup");
    await signUp(page, email);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/account");
    await expect(page.getByText(`Signed in as ${email}`).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("says the email or password is wrong, the same way for an unknown email", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("wrong");
    await signUp(page, email);
    await context.clearCookies();
    await signIn(page, email, "not the right password");
    const known = await page.getByTestId("signin-error").textContent();
    await signIn(page, uniqueEmail("nobody"), "not the right password");
    await page.getByTestId("signin-error").waitFor();
    const unknown = await page.getByTestId("signin-error").textContent();
    expect(known).toBe("Wrong email or password.");
    expect(unknown).toBe(known);
    await context.close();
  });

  it("refuses a password from the common-password list", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/signup");
    await page.getByLabel("Email").fill(uniqueEmail("common"));
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signup-error").textContent()).resolves.toContain("most common");
    await context.close();
  });

  it("signs in without JavaScript on the first visit, with one submit", async () => {
    const setup = await newPage(browser);
    const email = uniqueEmail("nojs");
    await signUp(setup.page, email);
    await setup.context.close();
    // A fresh browser without JavaScript: no cookie yet, the form posts straight to next-auth.
    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, email);
    await page.waitForURL((url) => url.pathname !== "/signin" && !url.pathname.startsWith("/api/auth"));
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    await context.close();
  });

  it("sends a signed-out visitor of a protected page to sign-in and back", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/account");
    await context.close();
  });

  it("deletes an account only with its password, and says so afterwards", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("delete");
    await signUp(page, email);
    await page.goto("/account");
    await page.getByTestId("delete-confirm").fill(email);
    await page.getByTestId("delete-password").fill("not the password at all");
    await page.getByTestId("delete-account").click();
    await expect(page.getByTestId("delete-error").textContent()).resolves.toBe("That is not your password. Nothing was deleted.");
    await page.getByTestId("delete-password").fill(STRONG_PASSWORD);
    await page.getByTestId("delete-account").click();
    await page.waitForURL(/\/signin\?deleted=1/);
    await expect(page.getByText("Your account and all its data were deleted.").isVisible()).resolves.toBe(true);
    // The account is gone: signing in with it fails.
    await signIn(page, email);
    await expect(page.getByTestId("signin-error").textContent()).resolves.toBe("Wrong email or password.");
    await context.close();
  });

  it("rejects an old session after sign out everywhere", async () => {
    const first = await newPage(browser);
    const email = uniqueEmail("everywhere");
    await signUp(first.page, email);
    const second = await newPage(browser);
    await signIn(second.page, email, STRONG_PASSWORD);
    await second.page.getByTestId("user-menu").waitFor();
    // Keep the first device's cookie to replay it after the sign-out.
    const oldCookies = await first.context.cookies();
    await second.page.goto("/account");
    await second.page.getByTestId("sign-out-everywhere").click();
    // It asks first, then confirms on the sign-in page.
    await second.page.getByTestId("sign-out-everywhere-confirm").click();
    await second.page.waitForURL(/\/signin/);
    await expect(second.page.getByText("You were signed out on every device.").isVisible()).resolves.toBe(true);
    const replay = await browser.newContext({ baseURL: baseUrl() });
    await replay.addCookies(oldCookies);
    const page = await replay.newPage();
    const response = await page.goto("/account");
    await page.waitForURL(/\/signin/);
    expect(new URL(page.url()).pathname).toBe("/signin");
    // The old session reads nothing of the account on the way.
    expect(await response?.text()).not.toContain(email);
    await Promise.all([first.context.close(), second.context.close(), replay.close()]);
  });
});

describe.runIf(hasBrowser)("guards that do not rely on the page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses a server action called without a session", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("action"));
    await page.goto("/account");
    await page.getByTestId("sign-out-everywhere").click();
    await context.clearCookies();
    await page.getByTestId("sign-out-everywhere-confirm").click();
    await expect(page.getByText("Sign in to do this.").waitFor()).resolves.toBeUndefined();
    await context.close();
  });
});

describe("the sign-in rate limit over HTTP", () => {
  async function attempt(email: string, cookie: string, csrfToken: string) {
    return fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ email, password: "wrong password!", csrfToken, json: "true" }),
    });
  }

  it("answers 429 with Retry-After after five failures for one account", async () => {
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const email = uniqueEmail("limited");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt(email, cookie, csrfToken)).status);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const blocked = await attempt(email, cookie, csrfToken);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same client is not blocked by this one's failures.
    const other = await attempt(uniqueEmail("other"), cookie, csrfToken);
    expect(other.status).not.toBe(429);
  });

  it("sends security headers on every response", async () => {
    const response = await fetch(`${baseUrl()}/signin`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
