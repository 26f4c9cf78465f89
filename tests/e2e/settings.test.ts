import type { Browser, BrowserContext, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeBrowserAndDatabase, hasBrowser, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";

describe.runIf(hasBrowser)("settings and time zones in a browser that is not on UTC", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(async () => {
    await closeBrowserAndDatabase(browser, db);
  });


  /** A page in Shanghai's zone that records the page's errors (a hydration mismatch is one). */
  async function shanghaiPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ baseURL: baseUrl(), timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    return { context, page, errors };
  }

  const storedZone = async (email: string) =>
    (
      await db.query<{ timeZone: string }>(
        `SELECT s."timeZone" FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
        [email],
      )
    ).rows[0]?.timeZone;

  it("gives a new account the browser's zone, and /settings renders without a hydration error", async () => {
    const { context, page, errors } = await shanghaiPage();
    const email = uniqueEmail("zone");
    await signUp(page, email);
    expect(await storedZone(email)).toBe("Asia/Shanghai");
    await page.goto("/settings");
    await page.getByTestId("save-settings").waitFor();
    await expect(page.getByLabel("Time zone").inputValue()).resolves.toBe("Asia/Shanghai");
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers to switch when the device's zone is not the account's, and switches", async () => {
    const { context, page, errors } = await shanghaiPage();
    const email = uniqueEmail("zone-offer");
    await signUp(page, email);
    await db.query(`UPDATE "UserSettings" s SET "timeZone" = 'UTC' FROM "User" u WHERE u.id = s."userId" AND u.email = $1`, [email]);
    await page.goto("/review");
    const offer = page.getByTestId("zone-offer");
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain("Asia/Shanghai");
    await offer.getByRole("button", { name: "Switch to Asia/Shanghai" }).click();
    await offer.waitFor({ state: "detached" });
    expect(await storedZone(email)).toBe("Asia/Shanghai");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows each invalid field's own message, in words, marked invalid", async () => {
    const { context, page } = await shanghaiPage();
    await signUp(page, uniqueEmail("settings-errors"));
    await page.goto("/settings");
    await page.getByLabel("Learning steps", { exact: true }).fill("1m abc");
    await page.getByLabel("New cards a day").fill("-3");
    await page.getByTestId("save-settings").click();
    const steps = page.getByTestId("learningSteps-error");
    await steps.waitFor();
    await expect(steps.textContent()).resolves.toContain('"abc" is not a step.');
    await expect(page.getByTestId("newPerDay-error").textContent()).resolves.toBe("Use 0 or more.");
    await expect(page.getByLabel("Learning steps", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("New cards a day").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Reviews a day").getAttribute("aria-invalid")).resolves.toBeNull();
    await expect(page.getByTestId("settings-message").textContent()).resolves.toBe(
      "2 fields need a change: Learning steps, New cards a day.",
    );
    // The keyboard is taken to the first field to fix.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("learningSteps");
    await context.close();
  });

  it("takes FSRS-5 weights pasted from Anki's deck options, stores FSRS-6's 21 and says what was done", async () => {
    const { context, page } = await shanghaiPage();
    const email = uniqueEmail("settings-weights");
    await signUp(page, email);
    await page.goto("/settings");
    const fsrs5 = "0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621";
    await page.getByLabel("Weights (parameters)").fill(fsrs5.split(", ").slice(0, 18).join(", "));
    await page.getByTestId("save-settings").click();
    const error = page.getByTestId("parameters-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("Found 18 numbers");

    await page.getByLabel("Weights (parameters)").fill(fsrs5);
    await page.getByTestId("save-settings").click();
    await page.getByText("19 FSRS-5 weights were converted to FSRS-6's 21.").waitFor();
    const stored = await db.query<{ parameters: number[] }>(
      `SELECT s.parameters FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    expect(stored.rows[0]?.parameters).toHaveLength(21);
    expect(stored.rows[0]?.parameters.slice(19)).toEqual([0, 0.5]);
    // The field now shows the 21 in use.
    await expect(page.getByLabel("Weights (parameters)").inputValue()).resolves.toMatch(/^0\.40255, .*, 0, 0\.5$/);
    await context.close();
  });

  it("saves the load balancer, easy days, long-term-only mode (all off at first) and bury siblings (on)", async () => {
    const { context, page } = await shanghaiPage();
    const email = uniqueEmail("settings-load");
    await signUp(page, email);
    await page.goto("/settings");
    const balancer = page.getByLabel(/^Load balancer/);
    await expect(balancer.isChecked()).resolves.toBe(false);
    await expect(page.getByLabel(/^Long-term only/).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel("Sunday").inputValue()).resolves.toBe("1");
    await expect(page.getByLabel("Show one side of a two-way card a day").isChecked()).resolves.toBe(true);
    await page.getByLabel("Show one cloze of a sentence a day").uncheck();
    await balancer.check();
    await page.getByLabel(/^Long-term only/).check();
    await page.getByLabel("Saturday").selectOption({ label: "Reduced" });
    await page.getByLabel("Sunday").selectOption({ label: "Minimum" });
    await page.getByTestId("save-settings").click();
    await page.getByText("Saved.").waitFor();
    const stored = await db.query<{ loadBalance: boolean; easyDays: number[]; enableShortTerm: boolean; buryReverseSiblings: boolean; buryClozeSiblings: boolean }>(
      `SELECT s."loadBalance", s."easyDays", s."enableShortTerm", s."buryReverseSiblings", s."buryClozeSiblings" FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    expect(stored.rows[0]).toEqual({
      loadBalance: true, easyDays: [1, 1, 1, 1, 1, 0.5, 0], enableShortTerm: false, buryReverseSiblings: true, buryClozeSiblings: false,
    });
    await context.close();
  });

  it("recommends learning steps beside the steps fields, and says when there are too few same-day answers", async () => {
    const { context, page } = await shanghaiPage();
    await signUp(page, uniqueEmail("settings-steps"));
    await page.goto("/settings");
    const panel = page.getByTestId("recommended-steps");
    await panel.getByRole("button", { name: "Recommend steps from my answers" }).click();
    await expect(panel.getByTestId("recommended-steps-too-few").textContent()).resolves.toBe(
      "Only 0 same-day answers so far; at least 100 are needed to recommend steps. Keep the current ones for now.",
    );
    expect(await panel.getByTestId("apply-recommended-steps").count()).toBe(0);
    await expect(page.locator("#learningSteps").inputValue()).resolves.toBe("1m 10m");
    await context.close();
  });

  it("shows the optimizer's time-series-split evaluation and calibration chart from the user's finished fit", async () => {
    const { context, page } = await shanghaiPage();
    const email = uniqueEmail("settings-calibration");
    await signUp(page, email);
    const bin = (from: number, count: number, predicted: number, observed: number) => ({ from, to: from + 0.1, count, predicted, observed });
    const job = {
      state: "done", current: { logLoss: 0.41, rmse: 0.08 }, fitted: { logLoss: 0.35, rmse: 0.03 }, applied: true, rescheduled: 12, reviews: 900,
      finishedAt: new Date().toISOString(),
      evaluation: { defaults: { logLoss: 0.4123, rmse: 0.0812 }, timeSeriesSplit: { logLoss: 0.3655, rmse: 0.0311 } },
      calibration: { reviews: 50, current: [bin(0.7, 20, 0.75, 0.9), bin(0.8, 30, 0.85, 0.95)], fitted: [bin(0.8, 10, 0.86, 0.88), bin(0.9, 40, 0.93, 0.94)] },
    };
    await db.query(
      `INSERT INTO "OptimizerJob" ("userId", job, "updatedAt") SELECT id, $2::jsonb, now() FROM "User" WHERE email = $1`,
      [email, JSON.stringify(job)],
    );
    await page.goto("/settings");
    const split = page.getByTestId("optimizer-split");
    await expect(split.locator("tbody tr").nth(0).textContent()).resolves.toBe("Default parameters0.41230.0812");
    await expect(split.locator("tbody tr").nth(1).textContent()).resolves.toBe("Fitted, time-series split0.36550.0311");
    await page.getByText("Fitted to your reviews, FSRS predicts later reviews better than with its defaults.").waitFor();
    // recharts draws one line per parameter set, a point per bin.
    const chart = page.getByTestId("calibration-chart");
    await chart.locator(".recharts-line").nth(1).waitFor();
    expect(await chart.locator(".recharts-line").count()).toBe(2);
    await page.getByText("The figures").click();
    const rows = page.getByTestId("calibration-table").locator("tbody tr");
    expect(await rows.count()).toBe(3);
    await expect(rows.nth(0).textContent()).resolves.toBe("70.0%–80.0%20 · predicted 75.0%, actual 90.0%–");
    await expect(rows.nth(2).textContent()).resolves.toBe("90.0%–100.0%–40 · predicted 93.0%, actual 94.0%");
    await context.close();
  });
});

