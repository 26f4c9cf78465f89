/**
 * The Chinese interface says nothing in English: every main page, visited by a reader whose
 * language is Chinese, is read (its visible text and its aria-label, placeholder, title and alt
 * attributes) and checked for the English catalogue's own phrases and for runs of English words
 * (tests/e2e/english-phrases.ts). A note's formulas, code and the English terms Chinese notes
 * keep in parentheses do not count; element trees marked lang="en" (a paper's original title)
 * are skipped too, and so is what a textarea holds (the reader's own text).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { STRONG_PASSWORD, baseUrl, hasBrowser, openBrowserAndDatabase, closeBrowserAndDatabase, signIn, uniqueEmail } from "./browser";
import { englishOn, englishOnlyFragments } from "./english-phrases";

const GUEST_PAGES = ["/signin", "/signup", "/forgot-password", "/reset-password?token=nope", "/verify-email?token=nope", "/zh/papers/moco"];
const READER_PAGES = [
  "/",
  "/?q=对比学习",
  "/review",
  "/quizzes",
  "/quizzes/new",
  "/progress",
  "/settings",
  "/account",
  "/cards",
  "/notes",
  "/notes/new",
  "/no-such-page",
];

/** The page's visible texts and its labelling attributes, outside code, formulas and lang="en". */
function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (el: Element | null) =>
      !!el?.closest("script, style, noscript, pre, code, kbd, textarea, .katex, svg, [lang=en], [translate=no]");
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || skip(parent)) continue;
      const style = getComputedStyle(parent);
      if (style.display === "none" || style.visibility === "hidden") continue;
      texts.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (skip(el)) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

describe.runIf(hasBrowser)("the Chinese interface has no English left", () => {
  let browser: Browser;
  let db: pg.Client;
  let email: string;
  const fragments = englishOnlyFragments(en, zh);
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
    const id = randomUUID();
    email = uniqueEmail("zh-words");
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [id, email, await hashPassword(STRONG_PASSWORD)]);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("shows no English catalogue phrase and no run of English words on the main pages", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const useLocale = (value: string) => context.addCookies([{ name: "paperdeck-locale", value, url: baseUrl() }]);
    const page = await context.newPage();
    const problems: string[] = [];
    const visit = async (pathname: string) => {
      // "load", then a bounded wait for the page's own requests: on a loaded machine a page
      // that keeps a request open must not fail the language check.
      await page.goto(pathname, { waitUntil: "load", timeout: 90_000 });
      await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
      expect(await page.locator("html").getAttribute("lang"), pathname).toBe("zh-CN");
      for (const found of englishOn(await textsOf(page), fragments)) problems.push(`${pathname}: ${found}`);
    };
    await useLocale("zh-CN");
    for (const p of GUEST_PAGES) await visit(p);
    // The sign-in helper finds the English labels.
    await useLocale("en");
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await useLocale("zh-CN");
    for (const p of READER_PAGES) await visit(p);
    await context.close();
    expect(problems).toEqual([]);
  }, 900_000);
});
