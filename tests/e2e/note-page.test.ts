/**
 * The note page without the Next and React runtime: no script from Next's chunks on the page
 * itself, and each island of public/islands/note.js doing what React did (cards, theme, menu,
 * account corner, the reader's panel and study-set button, widget iframes), plus the routes
 * and headers the islands rely on.
 */
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, newPage, signUp, uniqueEmail, openBrowserAndDatabase, closeBrowserAndDatabase } from "./browser";

const NEXT_CHUNK = "/_next/static/chunks/";

/** Script URLs the note page itself (not its iframes) asks for. */
function mainFrameScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" && request.frame() === page.mainFrame()) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

describe.runIf(hasBrowser)("the note page's islands in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  async function inStudySet(email: string, slug: string): Promise<boolean> {
    const { rows } = await db.query(
      `SELECT 1 FROM "StudySetPaper" s JOIN "User" u ON u.id = s."userId" JOIN "Paper" p ON p.id = s."paperId"
        WHERE u.email = $1 AND p.slug = $2`,
      [email, slug],
    );
    return rows.length > 0;
  }

  it("loads no Next or React script, and reveals a card's answer and switches the theme without them", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const scripts = mainFrameScripts(page);
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });

    expect(scripts).toContain("/islands/note.js");
    expect(scripts.filter((url) => url.startsWith(NEXT_CHUNK))).toEqual([]);
    expect(await page.locator("#__NEXT_DATA__").count()).toBe(0);

    const card = page.getByTestId("inline-card").first();
    const show = card.getByRole("button", { name: "Show answer" });
    expect(await card.getByTestId("inline-card-answer").isVisible()).toBe(false);
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await show.click();
    await expect(card.getByTestId("inline-card-answer").isVisible()).resolves.toBe(true);
    expect(await card.getByRole("button", { name: "Hide answer" }).getAttribute("aria-expanded")).toBe("true");

    const htmlClass = async () => (await page.locator("html").getAttribute("class")) ?? "";
    expect(await htmlClass()).not.toContain("dark");
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    expect(await htmlClass()).toContain("dark");
    const toggle = page.getByRole("button", { name: "Switch to light mode" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");
    // The head script applies the saved choice before paint on the next load.
    await page.reload();
    expect(await htmlClass()).toContain("dark");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("frames a widget when it nears the viewport, sizes the iframe to it and passes the theme on", async () => {
    const { context, page } = await newPage(browser);
    const scripts = mainFrameScripts(page);
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });
    const slot = page.locator('[data-testid="widget-slot"][data-widget="distillation"]');
    expect(await slot.getAttribute("data-state")).toBe("waiting");
    expect(await slot.locator("iframe").count()).toBe(0);

    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-widget="distillation"][data-state="ready"]').waitFor();
    const iframe = slot.locator("iframe");
    expect(await iframe.getAttribute("src")).toBe("/widgets/distillation/embed");
    expect(await iframe.getAttribute("title")).toMatch(/^Interactive figure: /);
    const frame = slot.frameLocator("iframe");
    await expect(frame.getByTestId("widget-distillation").isVisible()).resolves.toBe(true);
    // The iframe is as tall as the widget's document, which is taller than the placeholder was.
    const content = await frame.locator("main").evaluate((main) => main.getBoundingClientRect().height);
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBeCloseTo(content, 0);
    expect(content).toBeGreaterThan(200);
    // The widget's React and TensorFlow.js load in the iframe, never in the note page itself.
    expect(scripts.filter((url) => url.startsWith(NEXT_CHUNK))).toEqual([]);

    const frameClass = async () => (await frame.locator("html").getAttribute("class")) ?? "";
    expect(await frameClass()).not.toContain("dark");
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect.poll(frameClass).toContain("dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();
    await expect.poll(frameClass).not.toContain("dark");
    await context.close();
  });

  it("shows a guest the sign-in links and opens the small-screen menu", async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto("/papers/moco");
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
    await page.getByRole("link", { name: "Sign in to study this note" }).waitFor();
    expect(await page.getByText("Loading your progress").isVisible()).toBe(false);
    expect(await page.getByTestId("user-menu").isVisible()).toBe(false);

    const menu = page.getByRole("button", { name: "Menu" });
    const list = page.locator("#mobile-nav");
    expect(await list.isVisible()).toBe(false);
    await menu.click();
    await expect(list.isVisible()).resolves.toBe(true);
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await list.getByRole("link", { name: "Library" }).getAttribute("aria-current")).toBe("page");
    await menu.click();
    await expect(list.isVisible()).resolves.toBe(false);
    await context.close();
  });

  it("lets a signed-in reader add the note to the study set and take it out, then sign out", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("note-page");
    await signUp(page, email);
    await page.goto("/papers/moco");
    const menuButton = page.getByTestId("user-menu");
    await menuButton.waitFor();
    expect(await menuButton.getAttribute("aria-label")).toBe(`Account menu for ${email}`);
    expect(await menuButton.textContent()).toBe(email[0]?.toUpperCase());
    await expect(page.getByTestId("note-mastery").textContent()).resolves.toBe("0%");

    const button = page.getByTestId("study-set-moco");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await expect(button.textContent()).resolves.toContain("Add to my study set");
    await button.click();
    await page.locator('[data-testid="study-set-moco"][aria-pressed="true"]').waitFor();
    expect(await inStudySet(email, "moco")).toBe(true);
    // The state comes from the server: after a reload the note is still in the set.
    await page.reload();
    await page.locator('[data-testid="study-set-moco"][aria-pressed="true"]').waitFor();
    await button.click();
    await page.locator('[data-testid="study-set-moco"][aria-pressed="false"]').waitFor();
    expect(await inStudySet(email, "moco")).toBe(false);

    await menuButton.click();
    await expect(page.getByRole("menu").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu").isVisible()).resolves.toBe(false);
    await menuButton.click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
    const me = await page.request.get("/api/me");
    expect(await me.json()).toEqual({ user: null });
    await context.close();
  });

  it("lets a signed-in reader add a note to the study set from the library, and shows it saved", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("library-set");
    await signUp(page, email);
    await page.goto("/");
    await page.getByTestId("study-all-hint").waitFor();
    const toggle = page.getByTestId("tile-study-set-clip");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await toggle.click();
    await page.locator('[data-testid="tile-study-set-clip"][aria-pressed="true"]').waitFor();
    expect(await inStudySet(email, "clip")).toBe(true);
    await page.reload();
    await page.locator('[data-testid="tile-study-set-clip"][aria-pressed="true"]').waitFor();
    await page.getByTestId("tile-study-set-clip").click();
    await page.locator('[data-testid="tile-study-set-clip"][aria-pressed="false"]').waitFor();
    expect(await inStudySet(email, "clip")).toBe(false);
    await context.close();
  });

  it("shows a refused study-set change under the button and a failed panel load as an error", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("note-errors"));
    await page.route("**/api/me/study-set/moco", (route) =>
      route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: "Try that again." }) }),
    );
    await page.goto("/papers/moco");
    const button = page.getByTestId("study-set-moco");
    await button.click();
    await page.getByTestId("study-set-error-moco").waitFor();
    await expect(page.getByTestId("study-set-error-moco").textContent()).resolves.toBe("Try that again.");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(await button.isEnabled()).toBe(true);

    await page.route("**/api/me/notes/moco", (route) => route.abort("failed"));
    await page.reload();
    await page.getByText("Could not load your progress for this note.").waitFor();
    expect(await page.getByText("Loading your progress").isVisible()).toBe(false);
    await context.close();
  });

  // A browser's own fetch sends Origin; Playwright's request API must be told to.
  const sameSite = () => ({ headers: { Origin: baseUrl() } });

  it("answers study-set changes with 401 signed out, 400 for a malformed slug and 404 for an unknown note", async () => {
    const { context, page } = await newPage(browser);
    const signedOut = await page.request.put("/api/me/study-set/moco", sameSite());
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "Sign in to do this." });
    const email = uniqueEmail("study-set-route");
    await signUp(page, email);
    const tooLong = await page.request.put(`/api/me/study-set/${"x".repeat(121)}`, sameSite());
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "A note's slug is 1 to 120 characters." });
    const unknown = await page.request.delete("/api/me/study-set/no-such-note", sameSite());
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ error: "This note does not exist." });
    const added = await page.request.put("/api/me/study-set/vit", sameSite());
    expect(await added.json()).toEqual({ paperSlug: "vit", inStudySet: true });
    expect(await inStudySet(email, "vit")).toBe(true);
    await context.close();
  });
});

describe("the headers the note page's widget iframes rely on", () => {
  it("lets only this site frame a widget's embed page, and nothing frame the other pages", async () => {
    const embed = await fetch(`${baseUrl()}/widgets/distillation/embed`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(embed.headers.get("content-security-policy")).not.toContain("frame-ancestors 'none'");
    expect(embed.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    for (const path of ["/papers/moco", "/", "/api/me"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
    expect((await fetch(`${baseUrl()}/widgets/no-such-widget/embed`)).status).toBe(404);
  });
});
