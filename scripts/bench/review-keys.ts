/**
 * `npm run bench:review-keys` prints the time from a grade key press on /review to the next card
 * on screen, in Chromium against `next start` (CPU not throttled): 40 answers (Space, then "3"),
 * (Enter on a card whose answer is typed), from the keydown's dispatch to the animation frame after the card's id changed in the DOM.
 * The answer is sent in the background (the outbox), so this is the session's own work: pick the
 * next card, render it. Figures only (this replaced a timed e2e check): target p95 ≤ 50 ms.
 */
import type { Page } from "playwright-core";
import pg from "pg";
import { ms, percentile, withBenchDatabase } from "./lib/bench-db";
import { launchChromium, serveApp } from "./lib/serve-app";

const ANSWERS = 40;
const EMAIL = "bench-review-keys@example.test";

/** Signs up through the page (a real session, as the answer route checks it), then raises the new-card limit. */
async function signUp(page: Page, client: pg.Client): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill("correct horse battery staple 42");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("user-menu").waitFor();
  await client.query(`UPDATE "UserSettings" SET "newPerDay" = $1 WHERE "userId" = (SELECT id FROM "User" WHERE email = $2)`, [ANSWERS + 10, EMAIL]);
}

/** Runs in the page: presses the grade key and resolves with the time until the next card is painted. */
function pressAndTime(): Promise<number> {
  return new Promise<number>((resolve) => {
    const cardId = () => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id");
    const before = cardId();
    const started = performance.now();
    const observer = new MutationObserver(() => {
      // A card, not the "loading" line shown while the next batch is fetched.
      const now = cardId();
      if (now && now !== before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "3", bubbles: true }));
  });
}

async function main() {
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  await withBenchDatabase(async ({ url, client }) => {
    const browser = await launchChromium();
    if (!browser) {
      console.log("No Chromium found (install Debian's chromium or set CHROMIUM_PATH): nothing measured.");
      return;
    }
    const app = await serveApp(url).catch(async (error: unknown) => {
      await browser.close();
      throw error;
    });
    try {
      const context = await browser.newContext({ baseURL: app.baseUrl });
      const page = await context.newPage();
      await signUp(page, client);
      await page.goto("/review");
      await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
      if (!(await page.getByTestId("review-card").count())) throw new Error(`no card to review: ${(await page.locator("main").innerText()).slice(0, 400)}`);
      // Under tsx, esbuild names inner functions with a `__name` helper the page does not have.
      await page.evaluate("window.__name ??= (f) => f");
      const timings: number[] = [];
      for (let i = 0; i < ANSWERS; i += 1) {
        // A cloze card may ask for its answer to be typed: Enter reveals it there, Space elsewhere.
        await page.keyboard.press((await page.getByTestId("typed-answer").count()) ? "Enter" : "Space");
        await page.getByTestId("card-back").waitFor();
        timings.push(await page.evaluate(pressAndTime));
      }
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(
        `key press → next card painted (${timings.length} answers, Chromium, CPU not throttled): ` +
          `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}; target p95 ≤ 50 ms`,
      );
    } finally {
      await browser.close();
      await app.stop();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
