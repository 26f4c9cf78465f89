/**
 * Every page in English and Chinese at a desktop (1280 px) and a phone (390 px) width, in real
 * Chromium: a screenshot of each (test-results/i18n-screens/, for a person to look at) and a
 * check that no text overflows its box: the page scrolls no wider than the window, and no block
 * of text is wider than itself (scrollWidth > clientWidth) unless it is meant to scroll
 * (tables, code and formulas sit in overflow-x:auto boxes).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, baseUrl, hasBrowser, openBrowserAndDatabase, closeBrowserAndDatabase, signIn, uniqueEmail } from "./browser";

const SCREENS = path.join(process.cwd(), "test-results", "i18n-screens");
const GUEST_PAGES = ["/signin", "/signup", "/forgot-password", "/reset-password?token=nope", "/verify-email?token=nope"];
const READER_PAGES = ["/", "/?q=momentum", "/papers/moco", "/zh/papers/moco", "/papers/detr", "/zh/papers/detr", "/review", "/quizzes", "/progress", "/settings", "/account", "/cards", "/notes", "/notes/new", "/quizzes/new", "/no-such-page"];
const WIDTHS = [1280, 390] as const;
const LOCALES = ["en", "zh-CN"] as const;

/** Text boxes wider than themselves, and the page's own overflow, as "selector: text" lines. */
function overflowsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      // Name the outermost boxes that reach past the window, so the message says where to look.
      const wide = Array.from(document.querySelectorAll("body *")).filter((e) => {
        const box = e.getBoundingClientRect();
        const parent = e.parentElement?.getBoundingClientRect();
        return box.right > window.innerWidth + 1 && (!parent || parent.right <= window.innerWidth + 1);
      });
      const named = wide.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""}.${(e.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")}`);
      found.push(`page: ${doc.scrollWidth}px wide in a ${window.innerWidth}px window (${named.join(", ")})`);
    }
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "auto" || x === "scroll") return true;
        if (e.matches("pre, code, .katex, .katex-display, svg, [aria-hidden=true], .sr-only")) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll("main *, header *")) {
      const style = getComputedStyle(el);
      if (style.display === "inline" || style.display === "none" || style.visibility === "hidden") continue;
      if (!Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
      // clientWidth ≤ 1: visually hidden for screen readers (the notes' "Source:" labels).
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1) continue;
      if (style.overflowX === "hidden" && style.textOverflow === "ellipsis") continue; // truncated on purpose
      if (scrolls(el)) continue;
      found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}: “${(el.textContent ?? "").trim().slice(0, 60)}” ${el.scrollWidth}>${el.clientWidth}`);
    }
    return found;
  });
}

describe.runIf(hasBrowser)("every page in both languages at 1280 and 390 px", () => {
  let browser: Browser;
  let db: pg.Client;
  let email: string;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
    mkdirSync(SCREENS, { recursive: true });
    const id = randomUUID();
    email = uniqueEmail("layout");
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [id, email, await hashPassword(STRONG_PASSWORD)]);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  for (const locale of LOCALES) {
    it(`shows no overflowing text in ${locale}`, async () => {
      const problems: string[] = [];
      for (const width of WIDTHS) {
        const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width, height: 900 } });
        const useLocale = (value: string) => context.addCookies([{ name: "paperdeck-locale", value, url: baseUrl() }]);
        await useLocale(locale);
        const page = await context.newPage();
        const visit = async (pathname: string) => {
          await page.goto(pathname, { waitUntil: "networkidle" });
          const lang = await page.locator("html").getAttribute("lang");
          // Note URLs fix their language; every other page follows the cookie.
          const expected = pathname.startsWith("/zh/") ? "zh-CN" : pathname.startsWith("/papers/") ? "en" : locale;
          if (lang !== expected) problems.push(`${pathname} @${width}: <html lang="${lang}">, expected ${expected}`);
          const name = `${locale}-${width}-${pathname.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.png`;
          await page.screenshot({ path: path.join(SCREENS, name), fullPage: true });
          for (const o of await overflowsOf(page)) problems.push(`${pathname} @${width}: ${o}`);
        };
        for (const p of GUEST_PAGES) await visit(p);
        // The sign-in helper finds the English labels.
        await useLocale("en");
        await signIn(page, email);
        await page.getByTestId("user-menu").waitFor();
        await useLocale(locale);
        for (const p of READER_PAGES) await visit(p);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
