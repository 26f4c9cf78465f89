/**
 * The edges the browser reads (issue 12): a note page sends its client components only the
 * message namespaces they use, and none of them misses a message; the account corner and the
 * reader's panel read their answers through the shared schemas; a quiz attempt's id is
 * validated before anything is looked up.
 */
import type pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { closeBrowserAndDatabase, hasBrowser, newPage, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";

/** Console errors of a page (next-intl reports a missing message there, React a hydration mismatch). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Messages from namespaces no client component of a note page uses (review, errors, auth). */
const notSent = (messages: typeof en) => [messages.review.nothingToUndo, messages.errors.body, messages.auth.signUpTitle];

describe.runIf(hasBrowser)("typed edges in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("sends a note page's client components only the messages they use, and misses none, in both languages", async () => {
    for (const [path, messages] of [
      ["/papers/moco", en],
      ["/zh/papers/moco", zh],
    ] as const) {
      const { context, page } = await newPage(browser);
      const errors = consoleErrors(page);
      const response = await page.goto(path);
      const html = (await response?.text()) ?? "";
      for (const message of notSent(messages)) expect(html).not.toContain(JSON.stringify(message).slice(1, -1));
      // A guest: the corner's sign-in link and the panel's invitation, from parsed answers.
      await page.getByRole("link", { name: messages.shell.signIn, exact: true }).waitFor();
      // The panel's counts, a plural message formatted by the server (no ICU formatting in a guest's browser).
      const counts = await page.getByRole("region", { name: messages.note.studyThisNote }).locator("p").first().textContent();
      expect(counts).toMatch(messages === en ? /^\d+ cards? · \d+ quiz questions?$/ : /\d+.*·.*\d+/);
      await page.getByTestId("inline-card").first().getByRole("button").click();
      await page.getByRole("button", { name: messages.shell.toDark }).click();
      await page.getByRole("button", { name: messages.shell.toLight }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("shows a signed-in reader's corner and panel on a note page without a console error", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("typed-edges");
    await signUp(page, email);
    const errors = consoleErrors(page);
    await page.goto("/papers/clip");
    await page.getByTestId("user-menu").click();
    await expect(page.getByRole("menu").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("note-mastery").textContent()).resolves.toBe("0%");
    await page.getByTestId("study-set-clip").click();
    await page.getByTestId("study-set-notice-clip").waitFor();
    await page.locator('[data-testid="study-set-clip"][aria-pressed="true"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers a malformed quiz attempt id with the 404 page, not a database error", async () => {
    const { context, page } = await newPage(browser);
    // Signed in, so that the page gets as far as looking the attempt up (a NUL byte made PostgreSQL fail: 500).
    await signUp(page, uniqueEmail("typed-edges-quiz"));
    for (const id of ["not%20an%20id", "x".repeat(65), "a%00b"]) {
      const response = await page.goto(`/quizzes/${id}`);
      expect(response?.status()).toBe(404);
    }
    await context.close();
  });
});
