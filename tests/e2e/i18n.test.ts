/**
 * PaperDeck in English and Chinese in a real browser: the language from the browser, the
 * header's switch (a cookie for a guest, the settings for a reader), the notes' Chinese URLs
 * (rendered once, hreflang both ways) and reviewing in Chinese with an input method active.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, baseUrl, hasBrowser, openBrowserAndDatabase, closeBrowserAndDatabase, signIn, uniqueEmail } from "./browser";

const CJK = /[\u4e00-\u9fff]/;

describe.runIf(hasBrowser)("the interface in English and Chinese", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  /** A page whose browser asks for `locale` (Accept-Language and navigator.language). */
  async function pageIn(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: baseUrl(), locale });
    return { context, page: await context.newPage() };
  }

  const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");

  /** A fresh account made in the database, with `locale` saved in its settings, signed in through the page. */
  async function reader(page: Page, locale: string | null): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = uniqueEmail("i18n");
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [id, email, await hashPassword(STRONG_PASSWORD)]);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, locale, "newPerDay", "updatedAt") VALUES ($1, '{}', $2, 3, now())`, [id, locale]);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    return { id, email };
  }

  it("speaks Chinese to a browser that asks for it, and the switch keeps English in a cookie", async () => {
    const { context, page } = await pageIn("zh-CN");
    await page.goto("/");
    expect(await htmlLang(page)).toBe("zh-CN");
    await expect.poll(() => page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "笔记库" }).count()).toBeGreaterThan(0);
    // The library in Chinese: Chinese titles, links to the Chinese note URLs.
    const tile = page.getByTestId("note-tile").first();
    expect(await tile.locator("a").first().getAttribute("href")).toMatch(/^\/zh\/papers\//);
    expect(await tile.textContent()).toMatch(CJK);
    await page.getByTestId("language-switch").click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    await expect.poll(() => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).count()).toBeGreaterThan(0);
    const cookie = (await context.cookies()).find((c) => c.name === "paperdeck-locale");
    expect(cookie?.value).toBe("en");
    // The cookie wins over the browser's Accept-Language from now on.
    await page.reload();
    expect(await htmlLang(page)).toBe("en");
    await context.close();
  });

  it("serves each note at a Chinese URL, rendered once for everyone, with hreflang alternates both ways", async () => {
    const first = await fetch(`${baseUrl()}/zh/papers/moco`);
    expect(first.status).toBe(200);
    const again = await fetch(`${baseUrl()}/zh/papers/moco`, { headers: { "accept-language": "en", cookie: "paperdeck-locale=en" } });
    expect(again.headers.get("x-nextjs-cache")).toMatch(/^(HIT|STALE)$/);
    const html = await again.text();
    expect(html).toContain('<html lang="zh-CN"');
    // The screen-reader label of a source marker, in Chinese.
    expect(html).toContain('<span class="source-label">出处：</span>');
    expect(html).not.toContain('<span class="source-label">Source: </span>');

    const { context, page } = await pageIn("en-US");
    for (const path of ["/papers/moco", "/zh/papers/moco"]) {
      await page.goto(path);
      const pairs = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links): [string, string][] => links.map((l) => [l.getAttribute("hreflang") ?? "", new URL(l.getAttribute("href") ?? "").pathname]));
      expect(Object.fromEntries(pairs)).toEqual({ en: "/papers/moco", "zh-CN": "/zh/papers/moco", "x-default": "/papers/moco" });
    }
    // The Chinese page: its words, its chrome, its language.
    expect(await htmlLang(page)).toBe("zh-CN");
    expect(await page.getByTestId("note-body").textContent()).toMatch(CJK);
    expect(await page.getByRole("complementary", { name: "关于这篇笔记" }).count()).toBe(1);
    await page.getByRole("button", { name: "显示答案" }).first().click();
    await expect.poll(() => page.getByRole("button", { name: "隐藏答案" }).count()).toBe(1);
    await context.close();
  });

  it("labels a numeric answer's source in Chinese and links it to the Chinese passage", async () => {
    const { rows } = await db.query<{ slug: string }>(
      `SELECT p.slug FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND NOT c.derived AND jsonb_typeof(c.zh->'source') = 'object' ORDER BY p."sortKey" LIMIT 1`,
    );
    const slug = rows[0]!.slug;
    const { context, page } = await pageIn("en-US");
    await page.goto(`/zh/papers/${slug}`);
    const source = page.getByTestId("inline-card-source").first();
    await source.evaluate((el) => el.closest("[data-testid=inline-card-answer]")?.removeAttribute("hidden"));
    expect(await source.textContent()).toMatch(/^出处：/);
    expect(await source.locator("a").getAttribute("href")).toMatch(new RegExp(`^/zh/papers/${slug}(#|$)`));
    await context.close();
  });

  it("switches a note page to the same note's other URL", async () => {
    const { context, page } = await pageIn("en-US");
    await page.goto("/papers/moco");
    expect(await htmlLang(page)).toBe("en");
    await page.getByTestId("language-switch").click();
    await page.waitForURL((url) => url.pathname === "/zh/papers/moco");
    expect(await htmlLang(page)).toBe("zh-CN");
    await page.getByTestId("language-switch").click();
    await page.waitForURL((url) => url.pathname === "/papers/moco");
    expect(await htmlLang(page)).toBe("en");
    await context.close();
  });

  it("keeps a signed-in reader's choice in their settings, so it follows them to another browser", async () => {
    const { context, page } = await pageIn("en-US");
    const { id, email } = await reader(page, null);
    await page.goto("/settings");
    expect(await htmlLang(page)).toBe("en");
    await page.getByTestId("language-switch").click();
    await expect.poll(() => htmlLang(page)).toBe("zh-CN");
    const saved = async () => (await db.query<{ locale: string | null }>(`SELECT locale FROM "UserSettings" WHERE "userId" = $1`, [id])).rows[0]?.locale;
    await expect.poll(saved).toBe("zh-CN");
    await context.close();

    // Another browser, asking for English, no cookie: the setting wins.
    const other = await pageIn("en-US");
    await signIn(other.page, email);
    await other.page.getByTestId("user-menu").waitFor();
    await other.page.goto("/");
    expect(await htmlLang(other.page)).toBe("zh-CN");
    await other.context.close();
  });

  it("reviews in Chinese with the keyboard: Space and 1–4 typed into an input method neither reveal nor grade", async () => {
    // Signed in through the English form; the saved setting makes the review Chinese.
    const { context, page } = await pageIn("en-US");
    const { id } = await reader(page, "zh-CN");
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    const card = page.getByTestId("review-card");
    const cardId = await card.getAttribute("data-card-id");
    const { rows } = await db.query<{ front: string }>(`SELECT zh->>'front' AS front FROM "Card" WHERE id = $1`, [cardId]);
    expect(rows[0]?.front).toMatch(CJK);
    expect(await page.getByTestId("card-front").textContent()).toMatch(CJK);

    /** Key presses as an input method sends them while pinyin is being composed. */
    const composeWith = (key: string) =>
      page.evaluate((k) => {
        const target = document.activeElement ?? document.body;
        target.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
        target.dispatchEvent(new KeyboardEvent("keydown", { key: k, code: k === " " ? "Space" : `Digit${k}`, isComposing: true, bubbles: true, cancelable: true }));
        // Safari and older browsers: keyCode 229, without isComposing.
        target.dispatchEvent(new KeyboardEvent("keydown", { key: "Process", keyCode: 229, bubbles: true, cancelable: true }));
        target.dispatchEvent(new KeyboardEvent("keydown", { key: k, keyCode: 229, bubbles: true, cancelable: true }));
        target.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "对比" }));
      }, key);

    await composeWith(" ");
    await page.waitForTimeout(200);
    expect(await page.getByTestId("card-back").count()).toBe(0);

    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    const labels = await page.getByTestId("grade-buttons").locator("button").allTextContents();
    expect(labels.join(" ")).toMatch(/分钟|小时|天/);
    expect(labels[0]).toContain("重来");

    for (const key of ["1", "2", "3", "4"]) await composeWith(key);
    await page.waitForTimeout(300);
    expect(await card.getAttribute("data-card-id")).toBe(cardId);
    const logs = async () => (await db.query(`SELECT 1 FROM "ReviewLog" WHERE "userId" = $1`, [id])).rowCount;
    expect(await logs()).toBe(0);

    await page.keyboard.press("3");
    await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, cardId);
    await expect.poll(logs).toBe(1);
    await context.close();
  });
});
