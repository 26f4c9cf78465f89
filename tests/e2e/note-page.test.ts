/**
 * The note page, an App Router page like the others: statically rendered, hydrated by React
 * in production (cards, theme, menu, account corner, the reader's panel and study-set button
 * are the site's own React components), widgets loaded in the page itself when they near the
 * viewport; plus the routes and headers it relies on.
 */
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, newPage, signUp, uniqueEmail, openBrowserAndDatabase, closeBrowserAndDatabase } from "./browser";

const NEXT_CHUNK = "/_next/static/chunks/";

/** The paths of the scripts the page asks for. */
function scriptsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

/** Whether React has hydrated the first element `selector` finds: React keeps its fiber on the DOM node. */
function hydrated(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$")));
}

describe.runIf(hasBrowser)("the note page in a real browser", () => {
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

  it("is hydrated by React in production: a card's answer and the theme switch are React's, with no other script", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const scripts = scriptsOf(page);
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });

    // Next's runtime and React, and nothing hand-written beside them.
    expect(scripts.filter((url) => url.startsWith(NEXT_CHUNK)).length).toBeGreaterThan(0);
    expect(scripts.filter((url) => !url.startsWith(NEXT_CHUNK))).toEqual([]);
    expect(await page.locator("iframe").count()).toBe(0);

    const card = page.getByTestId("inline-card").first();
    const show = card.getByRole("button", { name: "Show answer" });
    await expect.poll(() => hydrated(page, '[data-testid="inline-card"] button')).toBe(true);
    expect(await card.getByTestId("inline-card-answer").isVisible()).toBe(false);
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await show.click();
    await expect(card.getByTestId("inline-card-answer").isVisible()).resolves.toBe(true);
    const hide = card.getByRole("button", { name: "Hide answer" });
    expect(await hide.getAttribute("aria-expanded")).toBe("true");
    await hide.click();
    await expect(card.getByTestId("inline-card-answer").isVisible()).resolves.toBe(false);

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

  it("follows a link to another note without reloading the page (the client router runs)", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/papers/moco", { waitUntil: "networkidle" });
    const aside = page.getByRole("complementary", { name: "About this note" });
    await expect.poll(() => hydrated(page, 'aside[aria-label="About this note"] a[href^="/papers/"]')).toBe(true);
    // A full page load would lose this.
    await page.evaluate(() => Object.assign(window, { stillThisDocument: true }));
    await aside.getByRole("link", { name: "BatchNorm vs LayerNorm" }).click();
    await page.waitForURL(/\/papers\/batchnorm-vs-layernorm$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("BatchNorm vs LayerNorm");
    expect(await page.evaluate(() => (window as unknown as { stillThisDocument?: boolean }).stillThisDocument)).toBe(true);
    await expect.poll(() => page.title()).toBe("BatchNorm vs LayerNorm · PaperDeck");
    await context.close();
  });

  it("loads a widget in the page itself when it nears the viewport, and the widget follows the theme", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });
    const slot = page.locator('[data-testid="widget-slot"][data-widget="distillation"]');
    expect(await slot.getAttribute("data-state")).toBe("waiting");
    expect(await slot.getByTestId("widget-distillation").count()).toBe(0);
    expect(((await slot.locator("figcaption").textContent()) ?? "").length).toBeGreaterThan(0);

    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-widget="distillation"][data-state="ready"]').waitFor();
    const widget = slot.getByTestId("widget-distillation");
    await expect(widget.isVisible()).resolves.toBe(true);
    expect(await page.locator("iframe").count()).toBe(0);

    // The widget is in the page's own document: the theme switch restyles it at once.
    const background = () => widget.evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await background();
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect.poll(background).not.toBe(light);
    await page.getByRole("button", { name: "Switch to light mode" }).click();
    await expect.poll(background).toBe(light);
    await context.close();
  });

  it.each([
    { width: 1280, height: 800, toc: "toc-sidebar" },
    { width: 390, height: 844, toc: "toc-mobile" },
  ])("keeps the contents on screen as the note scrolls, with a way back to the top, at $width px", async ({ width, height, toc }) => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width, height });
    await page.goto("/papers/moco");
    const contents = page.getByTestId(toc);
    await expect(contents.isVisible()).resolves.toBe(true);
    expect(await contents.evaluate((element) => getComputedStyle(element).position)).toBe("sticky");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    // Still in the viewport, below the site header (56 px), halfway down the note.
    const top = await contents.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(56);
    expect(top).toBeLessThan(120);
    if (toc === "toc-mobile") await contents.locator("summary").click();
    await contents.getByTestId("back-to-top").click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it.each([390, 1280])("shows a widget's skeleton with its caption before it loads, and its background matches the dark page, at %i px", async (width) => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });
    const slot = page.locator('[data-testid="widget-slot"][data-widget="distillation"]');
    expect(await slot.getAttribute("data-state")).toBe("waiting");
    // Not an empty box: the figure's shape and its caption.
    await expect(slot.getByTestId("widget-skeleton").isVisible()).resolves.toBe(true);
    const caption = (await slot.locator("figcaption").textContent()) ?? "";
    expect(caption.length).toBeGreaterThan(0);
    await expect(slot.getByTestId("widget-skeleton-caption").textContent()).resolves.toBe(`${caption} `);
    expect((await slot.boundingBox())?.height ?? 0).toBeGreaterThan(150);

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-widget="distillation"][data-state="ready"]').waitFor();
    const widget = slot.getByTestId("widget-distillation");
    const colours = () =>
      widget.evaluate((element) => ({
        widget: getComputedStyle(element).backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      }));
    const dark = await colours();
    expect(dark.widget).toBe(dark.page);
    expect(dark.page).not.toBe("rgb(255, 255, 255)");
    // No widget control keeps a light background in the dark.
    const light = await widget.evaluate((element) =>
      [...element.querySelectorAll("*")].filter((child) => getComputedStyle(child).backgroundColor === "rgb(255, 255, 255)").length,
    );
    expect(light).toBe(0);
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

  it("switches a new user to their study set on the first note added, says so, and switches back on request", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("study-switch");
    await signUp(page, email);
    const studyAll = async () =>
      (await db.query<{ studyAll: boolean }>(`SELECT s."studyAll" FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [email]))
        .rows[0]?.studyAll;
    await page.goto("/papers/moco");
    await page.getByTestId("study-set-moco").click();
    const notice = page.getByTestId("study-set-notice-moco");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("Your reviews now come from your study set only (1 note), not from all notes.");
    expect(await studyAll()).toBe(false);
    await page.getByTestId("study-set-notice-moco-undo").click();
    await page.getByText("You study all notes again; your study set is kept for later.").waitFor();
    expect(await studyAll()).toBe(true);
    // A later addition keeps the choice and says where the set waits.
    await page.goto("/papers/clip");
    await page.getByTestId("study-set-clip").click();
    await expect(page.getByTestId("study-set-notice-clip").textContent()).resolves.toContain("You study all notes; to study only your set");
    expect(await studyAll()).toBe(true);
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
    expect(await signedOut.json()).toEqual({ error: "Sign in to do this.", code: "signInToDo" });
    const email = uniqueEmail("study-set-route");
    await signUp(page, email);
    const tooLong = await page.request.put(`/api/me/study-set/${"x".repeat(121)}`, sameSite());
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "A note's slug is 1 to 120 characters." });
    const unknown = await page.request.delete("/api/me/study-set/no-such-note", sameSite());
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ error: "This note does not exist." });
    const added = await page.request.put("/api/me/study-set/vit", sameSite());
    // The first note added switches the new user from all notes to the set, and says so.
    expect(await added.json()).toEqual({ paperSlug: "vit", inStudySet: true, switched: true, studyAll: false, setSize: 1 });
    expect(await inStudySet(email, "vit")).toBe(true);
    await context.close();
  });
});

describe("the note page's headers", () => {
  it("lets no site frame any page, and has no widget embed pages any more", async () => {
    for (const path of ["/papers/moco", "/", "/api/me"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
    // Widgets run in the note page itself: the pages that were framed are gone.
    expect((await fetch(`${baseUrl()}/widgets/distillation/embed`)).status).toBe(404);
  });

  it("serves a note rendered once and kept, the same for everyone", async () => {
    expect((await fetch(`${baseUrl()}/papers/vit`)).status).toBe(200);
    const again = await fetch(`${baseUrl()}/papers/vit`);
    expect(again.status).toBe(200);
    // Re-rendered at most once a minute (so a content sync shows within a minute).
    expect(again.headers.get("x-nextjs-cache")).toMatch(/^(HIT|STALE)$/);
    expect(again.headers.get("cache-control")).toContain("s-maxage=60");
  });
});
