/**
 * Debian's Chromium driven by playwright-core. Without a Chromium the browser tests are skipped
 * with a loud message, except under CI=true where that is a failure.
 */
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { chromiumPath, launchChromium } from "../../scripts/lib/chromium";

if (!chromiumPath) {
  const message = "No Chromium found (install Debian's `chromium` or set CHROMIUM_PATH): browser tests are SKIPPED.";
  if (process.env.CI === "true") throw new Error(message + " CI=true makes this a failure.");
  console.warn(`\n${"!".repeat(80)}\n${message}\n${"!".repeat(80)}\n`);
}

export const hasBrowser = Boolean(chromiumPath);

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  return { context, page };
}

let counter = 0;
/** A fresh, unique account for each test: tests never share users. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

export const STRONG_PASSWORD = "correct horse battery staple 42";

/**
 * Sign-ups are limited per address (10 an hour) and every browser test comes from one address:
 * a sign-up through this helper starts the address's count afresh, so the suite can make as many
 * accounts as its tests need. (The limit's own tests do not sign up through this helper.)
 */
async function startSignUpCountAfresh(): Promise<void> {
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  await db.connect();
  try {
    await db.query(`DELETE FROM "RateLimit" WHERE key LIKE 'signup-ip%'`);
  } finally {
    await db.end();
  }
}

export async function signUp(page: Page, email: string, password = STRONG_PASSWORD) {
  await startSignUpCountAfresh();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("user-menu").waitFor();
}

export async function signIn(page: Page, email: string, password = STRONG_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A browser, and a client of the test database, for the tests of a describe block. */
export async function openBrowserAndDatabase(): Promise<{ browser: Browser; db: pg.Client }> {
  const browser = await launchBrowser();
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  await db.connect();
  return { browser, db };
}

export async function closeBrowserAndDatabase(browser: Browser | undefined, db: pg.Client | undefined): Promise<void> {
  await browser?.close();
  await db?.end();
}
