import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, hasBrowser, newPage, signIn, uniqueEmail, openBrowserAndDatabase, closeBrowserAndDatabase } from "./browser";

const DAY = 86_400_000;
const HISTORY_DAYS = 200;
const PER_DAY = 12;
const QUIZZES = [0.4, 0.55, 0.5, 0.7, 0.8];

describe.runIf(hasBrowser)("the progress dashboard in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;

  /** A user made in the database (as sign-up makes it) with months of generated history. */
  async function userWithHistory(email: string) {
    const id = randomUUID();
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
      id,
      email,
      await hashPassword(STRONG_PASSWORD),
    ]);
    await db.query(`INSERT INTO "UserSettings" ("userId", "timeZone", "dayStartHour", parameters, "updatedAt") VALUES ($1, 'UTC', 0, '{}', now())`, [id]);
    const { rows: cards } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL ORDER BY p."sortKey", c.position LIMIT 40`,
    );
    const ids = cards.map((c) => c.id);
    const now = Date.now();
    // Today's reviews an hour ago, or just after midnight UTC when the day is younger than that.
    const base = Math.max(now - 3_600_000, Math.floor(now / DAY) * DAY + 12_000);
    // Every card in review: due over the next 30 days (a few overdue), last seen within 3 weeks.
    await db.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
       SELECT $1, ids.id, ($2::timestamptz AT TIME ZONE 'UTC') + make_interval(days => (ids.n % 32) - 2), 5 + ids.n, 5, 3, 20, 0, 6, 1, 2,
              ($2::timestamptz AT TIME ZONE 'UTC') - make_interval(days => ids.n % 21), now()
         FROM (SELECT id, n::int AS n FROM unnest($3::text[]) WITH ORDINALITY AS u(id, n)) ids`,
      [id, new Date(now), ids],
    );
    // PER_DAY reviews on each of the last HISTORY_DAYS days (study days in UTC), today included,
    // mostly of cards in review, a fifth failed, young and mature.
    await db.query(
      `INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
                                "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous)
       SELECT $1 || '-' || g, $1 || '-' || g, $1, ($3::text[])[1 + g % array_length($3::text[], 1)],
              CASE WHEN g % 5 = 0 THEN 1 ELSE 2 + g % 3 END,
              CASE WHEN g % 11 = 0 THEN 1 ELSE 2 END,
              $2::timestamptz AT TIME ZONE 'UTC', 1 + g % 60, 5, 1 + g % 37, 0, 1 + g % 45, 0,
              ($2::timestamptz AT TIME ZONE 'UTC') - make_interval(days => g / $4, secs => g % $4),
              5000 + g % 20000, '{}'::jsonb
         FROM generate_series(0, $5::int - 1) AS g`,
      [id, new Date(base), ids, PER_DAY, HISTORY_DAYS * PER_DAY],
    );
    // A few finished quizzes, one a week.
    for (const [i, score] of QUIZZES.entries()) {
      const at = new Date(now - (QUIZZES.length - i) * 7 * DAY);
      await db.query(
        `INSERT INTO "QuizAttempt" (id, "userId", scope, title, seed, mode, "questionIds", score, "startedAt", "finishedAt")
         VALUES ($1, $2, '{"kind":"weak"}', $3, 's', 'each', '{}', $4, $5, $5)`,
        [randomUUID(), id, `Weak spots ${i + 1}`, score, at],
      );
    }
    return id;
  }

  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  /** The rows of a table that stands in for a chart. */
  const rowsOf = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr");

  /** A recharts chart drawn in its frame: an SVG with `count` marks matching `selector`. */
  async function drawn(page: Page, testId: string, selector: string) {
    const frame = page.getByTestId(testId);
    await frame.locator("svg.recharts-surface").first().waitFor();
    const box = await frame.boundingBox();
    expect(box?.width ?? 0, `${testId} width`).toBeGreaterThan(100);
    expect(box?.height ?? 0, `${testId} height`).toBeGreaterThan(100);
    return frame.locator(selector).count();
  }

  it("shows a user with months of history every chart and its text alternative", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
    });
    const email = uniqueEmail("progress");
    await userWithHistory(email);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/progress");
    await page.getByTestId("progress-page").waitFor();

    for (const id of ["today", "activity", "forecast", "retention", "curve", "mastery", "quizzes"]) {
      await expect(page.getByTestId(`section-${id}`).isVisible(), id).resolves.toBe(true);
    }

    // Today: the day's share of the generated reviews.
    await expect(page.getByTestId("today-reviews").textContent()).resolves.toBe(String(PER_DAY));

    // Heatmap: a year of squares, shaded where there were reviews; the streak; the table by month.
    const cells = page.getByTestId("heatmap").locator("span");
    expect(await cells.count()).toBeGreaterThanOrEqual(365);
    expect(await page.getByTestId("heatmap").locator("span[data-level='0']").count()).toBeGreaterThan(100);
    expect(await page.getByTestId("heatmap").locator("span:not([data-level='0'])").count()).toBe(HISTORY_DAYS);
    await expect(page.getByTestId("heatmap-summary").textContent()).resolves.toContain(
      `${(HISTORY_DAYS * PER_DAY).toLocaleString("en")} reviews on ${HISTORY_DAYS} of the last`,
    );
    await expect(page.getByTestId("streak-current").textContent()).resolves.toBe(String(HISTORY_DAYS));
    expect(await rowsOf(page, "heatmap-table").count()).toBeGreaterThanOrEqual(12);
    await expect(rowsOf(page, "heatmap-table").last().locator("td").first().textContent()).resolves.toMatch(/^[1-9]\d*$/);

    // Forecast: bars for the 40 cards due; 30 days in the table.
    expect(await drawn(page, "forecast-chart", ".recharts-bar-rectangle")).toBeGreaterThan(10);
    expect(await rowsOf(page, "forecast-table").count()).toBe(30);
    await expect(page.getByTestId("forecast-summary").textContent()).resolves.toMatch(/^\d+ cards due in the next 30 days/);
    // The load balancer's effect is visible: the spread, and whether it is on (off by default).
    await expect(page.getByTestId("forecast-spread").textContent()).resolves.toMatch(/Busiest day \d+\.\d\d× the average.*Load balancer off/);

    // True retention: a row per period, a bar chart of young and mature.
    expect(await rowsOf(page, "retention-table").count()).toBe(6);
    await expect(page.getByTestId("retention-allTime").textContent()).resolves.toMatch(/\d+\.\d%/);
    expect(await drawn(page, "retention-chart", ".recharts-bar-rectangle")).toBeGreaterThan(4);

    // Forgetting curve: the predicted and the observed line, and their table.
    expect(await drawn(page, "curve-chart", ".recharts-line-curve")).toBe(2);
    expect(await rowsOf(page, "curve-table").count()).toBeGreaterThan(3);

    // Quiz trend: one point per quiz.
    expect(await drawn(page, "quiz-chart", ".recharts-line-dot")).toBe(QUIZZES.length);
    expect(await rowsOf(page, "quiz-table").count()).toBe(QUIZZES.length);
    await expect(page.getByTestId("quiz-summary").textContent()).resolves.toContain("5 finished quizzes; scores improving");

    // Mastery map: every live note, the studied ones with a mastery, each named for screen readers.
    const { rows: papers } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Paper" WHERE "retiredAt" IS NULL`);
    const tiles = page.getByTestId("mastery-tile");
    expect(await tiles.count()).toBe(Number(papers[0]!.n));
    const labels = await tiles.evaluateAll((links) => links.map((a) => a.getAttribute("aria-label") ?? ""));
    expect(labels.every((label) => /: mastery (\d+%|no cards), \d+ of \d+ cards studied$/.test(label))).toBe(true);
    expect(labels.some((label) => /: mastery [1-9]\d*%/.test(label))).toBe(true);

    // The charts are hidden from screen readers, the tables are not.
    for (const id of ["heatmap", "forecast-chart", "retention-chart", "curve-chart", "quiz-chart"]) {
      await expect(page.getByTestId(id).getAttribute("aria-hidden"), id).resolves.toBe("true");
    }
    for (const id of ["heatmap-table", "forecast-table", "retention-table", "curve-table", "quiz-table"]) {
      await expect(page.getByTestId(id).locator("caption").count(), id).resolves.toBe(1);
    }

    // On a phone: nothing wider than the screen (the hidden tables included), and the heatmap
    // opens on its latest weeks.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const scroller = await page.getByTestId("heatmap-scroller").boundingBox();
    const todayCell = await cells.last().boundingBox();
    expect(scroller && todayCell).toBeTruthy();
    expect(todayCell!.x).toBeGreaterThanOrEqual(scroller!.x);
    expect(todayCell!.x + todayCell!.width).toBeLessThanOrEqual(scroller!.x + scroller!.width);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("draws the charts in dark mode with light axis text", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("progress-dark");
    await userWithHistory(email);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/progress");
    await page.evaluate(() => document.documentElement.classList.add("dark"));
    await page.getByTestId("forecast-chart").locator("svg.recharts-surface").waitFor();
    // The axis text, the grid and the page background as sRGB (Tailwind's colours are oklch).
    const rgb = (selector: string, property: "fill" | "stroke" | "backgroundColor") =>
      page.evaluate(
        ([sel, prop]) => {
          const el = document.querySelector(sel);
          if (!el) return null;
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 1;
          const ctx = canvas.getContext("2d")!;
          ctx.fillStyle = getComputedStyle(el)[prop as "fill"];
          ctx.fillRect(0, 0, 1, 1);
          return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
        },
        [selector, property] as const,
      );
    const luminance = (c: number[] | null) => {
      expect(c).not.toBeNull();
      const [r, g, b] = (c ?? []).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const background = luminance(await rgb("body", "backgroundColor"));
    for (const chart of ["forecast-chart", "retention-chart", "curve-chart", "quiz-chart"]) {
      const text = luminance(await rgb(`[data-testid=${chart}] .recharts-cartesian-axis-tick-value`, "fill"));
      expect(contrast(text, background), `${chart} axis text`).toBeGreaterThanOrEqual(4.5);
    }
    expect(background).toBeLessThan(0.1);
    await context.close();
  });

  it("previews and applies \"I have time\" and \"I was away\" from the keyboard, the forecast following", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("break");
    const userId = await userWithHistory(email);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/progress");
    const panel = page.getByTestId("after-break");
    await panel.waitFor();

    await panel.getByTestId("break-advance").check();
    await panel.getByTestId("break-limit").fill("3");
    await panel.getByTestId("break-limit").press("Tab");
    await page.keyboard.press("Enter"); // the Preview button, reached by Tab
    await expect(panel.getByTestId("break-summary").textContent()).resolves.toMatch(/^3 cards would move \(of \d+ that qualify\), with a mean recall chance of \d+ % now\.$/);
    const todayBefore = Number(await panel.getByTestId("break-forecast").locator("tbody tr").first().locator("td").first().textContent());
    await expect(panel.getByTestId("break-today-after").textContent()).resolves.toBe(String(todayBefore + 3));
    await panel.getByTestId("break-apply").click();
    await expect(panel.getByTestId("break-done").textContent()).resolves.toBe("Moved 3 cards.");
    const logged = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RescheduleLog" WHERE "userId" = $1 AND kind = 'advance'`, [userId]);
    expect(logged.rows[0]?.n).toBe(3);

    // Nothing is above a 0.99 floor: nothing to move, no button to press.
    await panel.getByTestId("break-postpone").check();
    await panel.getByTestId("break-floor").fill("0.99");
    await panel.getByTestId("break-preview").click();
    await expect(panel.getByTestId("break-summary").textContent()).resolves.toMatch(/^0 cards would move/);
    expect(await panel.getByTestId("break-apply").count()).toBe(0);
    // A floor out of range is refused with the schema's words.
    await panel.getByTestId("break-floor").fill("0.3");
    await panel.getByTestId("break-preview").click();
    await expect(panel.getByTestId("break-error").textContent()).resolves.toBe("At least 0.50.");
    await context.close();
  });

  it("simulates a year of the user's cards at each desired retention in the browser, with progress, and marks the least work per card", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("cmrr");
    await userWithHistory(email);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await page.goto("/progress");
    const simulator = page.getByTestId("retention-simulator");
    await simulator.waitFor();
    await expect(simulator.locator("p").first().textContent()).resolves.toMatch(/^40 review cards, \d+ not yet studied at 20 a day/);
    await simulator.getByTestId("simulate-run").focus();
    // The year is simulated in a Web Worker, off the page's thread.
    const started = page.waitForEvent("worker");
    await page.keyboard.press("Enter");
    expect((await started).url()).toMatch(/^http/);
    await simulator.getByTestId("simulate-progress").waitFor();
    // Meanwhile the page answers a click: another panel's choice. (Whether retentions are still
    // left at that moment depends on the machine's speed: on an idle one the worker may be done
    // first, so the test does not require it; the worker events above show where the work ran.)
    const progress = async () => Number(await simulator.getByTestId("simulate-progress").getAttribute("value"));
    await page.getByTestId("break-advance").check();
    expect(await page.getByTestId("break-advance").isChecked()).toBe(true);
    await simulator.getByTestId("simulate-best").waitFor({ timeout: 60_000 });
    expect(await simulator.getByTestId("simulate-progress").getAttribute("value")).toBe("12");
    expect(await simulator.getByTestId("simulate-table").locator("tbody tr").count()).toBe(12);
    expect(await simulator.locator('tr[data-best="true"]').count()).toBe(1);
    await expect(simulator.getByTestId("simulate-best").textContent()).resolves.toMatch(/^Least work per card remembered at a desired retention of 0\.\d\d \(\d+\.\d min a day\); yours is 0\.90\./);
    // More retention, more minutes: the first and last rows.
    const minutes = async (row: number) => Number(await simulator.getByTestId("simulate-table").locator("tbody tr").nth(row).locator("td").first().textContent());
    expect(await minutes(11)).toBeGreaterThan(await minutes(0));

    // Stop ends a run at once: the worker is gone and the bar moves no further.
    const again = page.waitForEvent("worker");
    await simulator.getByTestId("simulate-run").click();
    const worker = await again;
    const closed = new Promise<void>((resolve) => worker.once("close", () => resolve()));
    await expect.poll(progress, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await simulator.getByTestId("simulate-run").click();
    await closed;
    await expect(simulator.getByTestId("simulate-run").textContent()).resolves.toBe("Simulate again");
    const stoppedAt = await progress();
    expect(stoppedAt).toBeLessThan(12);
    await page.waitForTimeout(2_000);
    expect(await progress()).toBe(stoppedAt);
    expect(await simulator.getByTestId("simulate-best").count()).toBe(0);
    await context.close();
  }, 180_000);
});
