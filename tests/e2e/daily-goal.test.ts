/**
 * The daily goal through the pages: set in settings, followed on the review page as cards are
 * answered, and marked on the progress heatmap once met.
 */
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowserAndDatabase, hasBrowser, newPage, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";

async function answerGood(page: Page) {
  const before = await page.getByTestId("review-card").getAttribute("data-card-id");
  await page.getByTestId("show-answer").click();
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press("3");
  await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, before);
}

describe.runIf(hasBrowser)("the daily goal in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("is set in settings, counts up on the review page, and marks today on the heatmap once met", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("goal");
    await signUp(page, email);
    await page.goto("/review");
    await page.getByTestId("review-session").waitFor();
    expect(await page.getByTestId("daily-goal").count()).toBe(0);

    await page.goto("/settings");
    const form = page.getByTestId("daily-goal-form");
    await form.getByLabel("Reviews answered").check();
    await page.getByTestId("daily-goal-target").fill("0");
    await page.getByTestId("daily-goal-save").click();
    await expect(page.getByTestId("daily-goal-error").textContent()).resolves.toBe("A goal needs at least 1.");
    expect(await page.getByTestId("daily-goal-target").getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("daily-goal-target").fill("2");
    await page.getByTestId("daily-goal-save").click();
    await page.getByTestId("daily-goal-saved").waitFor();
    const { rows } = await db.query(`SELECT s."dailyGoalKind", s."dailyGoal" FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [email]);
    expect(rows[0]).toEqual({ dailyGoalKind: "reviews", dailyGoal: 2 });

    await page.goto("/review");
    await page.locator('[data-testid="review-session"][data-ready="true"]').waitFor();
    await expect(page.getByTestId("daily-goal-progress").textContent()).resolves.toBe("0 of 2 reviews");
    await answerGood(page);
    await expect(page.getByTestId("daily-goal-progress").textContent()).resolves.toBe("1 of 2 reviews");
    await answerGood(page);
    await expect(page.getByTestId("daily-goal-progress").textContent()).resolves.toBe("2 of 2 reviews");
    await page.getByTestId("daily-goal-met").waitFor();
    // The bar's value is read by assistive technology too.
    expect(await page.getByRole("progressbar", { name: /Daily goal/ }).getAttribute("aria-valuenow")).toBe("2");

    // Answers are sent in the background: the heatmap reads them once saved.
    await expect
      .poll(async () => {
        const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewLog" l JOIN "User" u ON u.id = l."userId" WHERE u.email = $1`, [email]);
        return r.rows[0]?.n;
      })
      .toBe(2);
    await page.goto("/progress");
    await expect(page.getByTestId("heatmap-goal").textContent()).resolves.toContain("Daily goal (2 reviews) met on 1 of these days.");
    expect(await page.locator('[data-testid="heatmap"] [data-goal-met="true"]').count()).toBe(1);
    await context.close();
  });
});
