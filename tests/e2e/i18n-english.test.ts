/**
 * The Chinese interface says nothing in English: every main page, visited by a reader whose
 * language is Chinese, is read (its visible text and its aria-label, placeholder, title and alt
 * attributes) and checked for the English catalogue's own phrases and for runs of English words
 * (tests/e2e/english-phrases.ts). A note's formulas, code and the English terms Chinese notes
 * keep in parentheses do not count; element trees marked lang="en" (a paper's original title)
 * are skipped too, and so is what a textarea holds (the reader's own text).
 * The widgets too: each is scrolled into view on its Chinese note page (a widget loads only
 * then), its tables opened, and its text read, pictures' labels and drawn text included; on
 * the English page the same widget must show no Chinese.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import { widgetNames, type WidgetName } from "@/app/ui/widgets/names";
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

/** The note each widget lives in (moco holds two). */
const WIDGET_NOTES: Record<WidgetName, string> = {
  "norm-compare": "batchnorm-vs-layernorm",
  "attention-masks": "bert",
  "vit-patching": "vit",
  "mae-masking": "mae",
  "infonce-queue": "moco",
  "momentum-encoder": "moco",
  "clip-similarity": "clip",
  distillation: "knowledge-distillation",
  "swin-windows": "swin-transformer",
  "detr-matching": "detr",
  "i3d-inflation": "i3d",
  "slowfast-pathways": "slowfast",
  "optical-flow-stack": "two-stream",
};

/**
 * A drawn widget's texts: visible text (SVG text too: axis names, box labels), every option of
 * its selects, its tables (opened first) and its labelling attributes, SVG's aria-labels included.
 */
async function widgetTexts(page: Page, name: WidgetName, skipEnglishTrees: boolean): Promise<string[]> {
  const slot = page.locator(`[data-testid="widget-slot"][data-widget="${name}"]`);
  await slot.scrollIntoViewIfNeeded();
  await page.locator(`[data-testid="widget-slot"][data-widget="${name}"][data-state="ready"]`).waitFor({ timeout: 90_000 });
  return slot.evaluate((root, skipEnglish) => {
    for (const details of root.querySelectorAll("details")) details.open = true;
    // On an English page <html lang="en"> holds everything: only a Chinese page skips lang="en" trees.
    const skip = (el: Element | null) => !!el?.closest(skipEnglish ? "script, style, code, .katex, [lang=en]" : "script, style, code, .katex");
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !skip(node.parentElement)) texts.push(text);
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title], [aria-valuetext]")) {
      if (skip(el)) continue;
      for (const attribute of ["aria-label", "placeholder", "title", "aria-valuetext"]) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  }, skipEnglishTrees);
}

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

  it("knows the note of every widget", () => {
    expect(Object.keys(WIDGET_NOTES).sort()).toEqual([...widgetNames].sort());
  });

  it("draws every widget in Chinese on its Chinese note page, and in English on its English one", async () => {
    const problems: string[] = [];
    for (const [locale, prefix] of [
      ["zh-CN", "/zh/papers/"],
      ["en", "/papers/"],
    ] as const) {
      const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      let shown = "";
      for (const name of widgetNames) {
        const pathname = `${prefix}${WIDGET_NOTES[name]}`;
        if (shown !== pathname) await page.goto(pathname, { waitUntil: "load", timeout: 90_000 });
        shown = pathname;
        const texts = await widgetTexts(page, name, locale === "zh-CN");
        expect(texts.length, name).toBeGreaterThan(5);
        if (locale === "zh-CN") {
          for (const found of englishOn(texts, fragments)) problems.push(`${pathname} ${name}: ${found}`);
          // The widget's own title is its Chinese one (so the texts read are the widget's, drawn).
          expect(texts, name).toContain(zh.widgets[name].title);
        } else {
          for (const text of texts) if (/[\u4e00-\u9fff]/.test(text)) problems.push(`${pathname} ${name}: Chinese “${text}”`);
          expect(texts, name).toContain(en.widgets[name].title);
        }
        expect(await page.getByTestId("widget-slot-error").count(), name).toBe(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 900_000);

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
