import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, launchBrowser, newPage } from "./browser";

describe.runIf(hasBrowser)("the library and a note in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists every note grouped by area", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    const noteCount = readdirSync(path.resolve("content")).filter((f) => f.endsWith(".md")).length;
    expect(await page.getByTestId("note-tile").count()).toBe(noteCount);
    for (const area of ["Concepts", "Language", "Vision", "Video", "CLIP family"]) {
      await expect(page.getByRole("heading", { name: area, level: 2 }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole("link", { name: "Video", exact: true }).click();
    await page.waitForURL(/area=video/);
    expect(await page.getByTestId("note-tile").count()).toBe(5);
    await context.close();
  });

  it("searches notes, cards and questions with PostgreSQL full-text search", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    await page.getByLabel("Search notes, cards and questions").fill("momentum encoder queue");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=momentum/);
    const tiles = page.getByTestId("note-tile");
    await expect(tiles.first().textContent()).resolves.toContain("MoCo");
    await expect(page.locator("mark").first().isVisible()).resolves.toBe(true);
    await page.goto("/?q=zzzyqxv");
    await page.getByTestId("library-empty").waitFor();
    await context.close();
  });

  it("says when the area filter hid a search's notes, counts matches in words, and narrows the tags to the area", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/?area=video&q=infonce");
    await page.getByTestId("library-empty").waitFor();
    await expect(page.getByTestId("search-filters-on").textContent()).resolves.toContain("The area filter (Video) is on");
    await page.getByTestId("search-everywhere").click();
    await page.waitForURL((url) => url.searchParams.get("q") === "infonce" && !url.searchParams.has("area"));
    const count = (await page.getByTestId("search-count").textContent()) ?? "";
    expect(count).toMatch(/^(1 note matches|\d+ notes match) “infonce”$/);
    // No raw markdown in the snippets.
    const snippets = await page.getByTestId("note-tile").allTextContents();
    for (const text of snippets) expect(text).not.toMatch(/## |\*\*|\]\(\//);
    await page.goto("/?area=video");
    const tagLinks = await page.locator("details a[href*='tag=']").allTextContents();
    expect(tagLinks).toContain("#action-recognition");
    expect(tagLinks).not.toContain("#language-modeling");
    await context.close();
  });

  it("opens a note with rendered math, highlighted code and a card revealed in place", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    await page.getByRole("link", { name: "MoCo", exact: true }).click();
    await page.waitForURL(/\/papers\/moco$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("MoCo");
    expect(await page.locator(".note-prose .katex").count()).toBeGreaterThan(0);
    expect(await page.locator(".note-prose pre code.hljs .hljs-keyword").count()).toBeGreaterThan(0);
    const card = page.getByTestId("inline-card").first();
    const answer = card.getByTestId("inline-card-answer");
    expect(await answer.isVisible()).toBe(false);
    await card.getByRole("button", { name: "Show answer" }).click();
    await expect(answer.isVisible()).resolves.toBe(true);
    expect(((await answer.textContent()) ?? "").trim().length).toBeGreaterThan(0);
    await card.getByRole("button", { name: "Hide answer" }).click();
    await expect(answer.isVisible()).resolves.toBe(false);
    // The table of contents links to the sections.
    const firstEntry = page.getByRole("navigation", { name: "Contents" }).getByRole("link").first();
    const href = await firstEntry.getAttribute("href");
    expect(href).toMatch(/^#/);
    expect(await page.locator(href as string).count()).toBe(1);
    await context.close();
  });

  it("answers 404 with a helpful page for an unknown note", async () => {
    const { context, page } = await newPage(browser);
    const response = await page.goto("/papers/no-such-note");
    expect(response?.status()).toBe(404);
    // The site's own 404 page, in the language of the URL. Waited for: once the note route's
    // cached 404 exists, Next streams its body in after the document's load event.
    await page.getByRole("heading", { name: "Not found" }).waitFor();
    await expect(page.getByText("renamed or removed from the library").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "Browse the library" }).getAttribute("href")).resolves.toBe("/");
    await context.close();
  });
});
