import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, hasBrowser, newPage, signIn, uniqueEmail, openBrowserAndDatabase, closeBrowserAndDatabase } from "./browser";

async function counts(page: Page) {
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  return { new: await read("count-new"), learning: await read("count-learning"), review: await read("count-review") };
}

async function currentCardId(page: Page) {
  return page.getByTestId("review-card").getAttribute("data-card-id");
}

async function answerWithKeyboard(page: Page, key: "1" | "2" | "3" | "4") {
  const before = await currentCardId(page);
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press(key);
  await page.waitForFunction(
    (id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id,
    before,
  );
  return before;
}

describe.runIf(hasBrowser)("a review session in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;

  /** A fresh account made in the database (as sign-up makes it), then signed in through the page. */
  async function signUp(page: Page, email: string) {
    const id = randomUUID();
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
      id,
      email,
      await hashPassword(STRONG_PASSWORD),
    ]);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
  }
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("goes on with the keyboard past the first batch of 20 cards, as a fast reader answers", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review-batch-keys");
    await signUp(page, email);
    await db.query(`UPDATE "UserSettings" SET "newPerDay" = 40 WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    // Past the first batch of 20, as a fast reader goes: Space as soon as the next card is on screen.
    for (let answered = 0; answered < 24; answered += 1) {
      await page.keyboard.press((await page.getByTestId("typed-answer").count()) ? "Enter" : "Space");
      await page.getByTestId("card-back").waitFor({ timeout: 5_000 });
      const before = await currentCardId(page);
      await page.keyboard.press("3");
      await page.waitForFunction(
        (id) => {
          const now = document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id");
          return now && now !== id;
        },
        before,
      );
    }
    await context.close();
  });

  it("keeps an answer the server refused with a 503 and sends it again, applied once", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review-503");
    await signUp(page, email);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const userId = rows[0]!.id;
    // The first two attempts meet a database outage (as the answer route reports one); later ones go through.
    let outages = 2;
    await page.route("**/api/review/answer", async (route) => {
      if (outages > 0) {
        outages -= 1;
        await route.fulfill({ status: 503, headers: { "Retry-After": "1" }, contentType: "application/json", body: '{"error":"down"}' });
      } else {
        await route.continue();
      }
    });
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    const cardId = await answerWithKeyboard(page, "3");
    const logged = async () =>
      (await db.query<{ cardId: string }>(`SELECT "cardId" FROM "ReviewLog" WHERE "userId" = $1`, [userId])).rows.map((r) => r.cardId);
    await expect.poll(logged, { timeout: 30_000 }).toEqual([cardId]);
    expect(outages).toBe(0);
    await context.close();
  });

  it("keeps keyboard focus on the card, opens why? in a new tab and counts the day's answers when done", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review-focus");
    await signUp(page, email);
    await db.query(
      `UPDATE "UserSettings" s SET "newPerDay" = 2 FROM "User" u WHERE u.id = s."userId" AND u.email = $1`,
      [email],
    );
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    await expect(page.getByTestId("why-link").getAttribute("target")).resolves.toBe("_blank");
    await page.getByTestId("show-answer").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("card-back").waitFor();
    // The revealed card hands focus to its grade buttons, not to the page body.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("grade-buttons");
    const first = await currentCardId(page);
    await page.keyboard.press("3");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, first);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("show-answer");
    await answerWithKeyboard(page, "4");
    // Both new cards were answered Good/Easy; the first may come back as a learning card: answer until done.
    for (let i = 0; i < 5; i += 1) {
      // Wait for the session to settle on a card or the finish screen (a prefetch may be on its way).
      await page.locator("[data-testid=review-card], [data-testid=review-finished]").first().waitFor();
      if ((await page.getByTestId("review-finished").count()) > 0) break;
      // A learning card shown ahead of schedule may be replaced by the session's refetch (the
      // finish screen): look again rather than wait for a card that is gone.
      const onScreen = await page.getByTestId("review-card").getAttribute("data-card-id", { timeout: 3000 }).catch(() => null);
      if (onScreen === null) continue;
      await answerWithKeyboard(page, "4");
    }
    await page.getByTestId("review-finished").waitFor();
    const shown = Number(await page.getByTestId("done-today").textContent());
    expect(shown).toBeGreaterThanOrEqual(2);
    const logged = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "ReviewLog" l JOIN "User" u ON u.id = l."userId" WHERE u.email = $1`,
          [email],
        )
      ).rows[0]!.n;
    await expect.poll(logged).toBe(shown);
    // A reload starts a new session but keeps the day's total.
    await page.reload();
    await page.getByTestId("review-finished").waitFor();
    await expect(page.getByTestId("done-today").textContent()).resolves.toBe(String(shown));
    await context.close();
  });

  it("names a note-scoped session by the note, and offers its new cards when today's limit is used", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review-limit");
    await signUp(page, email);
    await db.query(`UPDATE "UserSettings" s SET "newPerDay" = 0 FROM "User" u WHERE u.id = s."userId" AND u.email = $1`, [email]);
    await page.goto("/review?paper=moco");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Review: MoCo");
    const offer = page.getByTestId("new-limit-reached");
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toMatch(/\d+ new cards in MoCo; today's new-card limit is used: study them anyway\?/);
    await page.getByTestId("study-more-new").click();
    await page.getByTestId("review-card").waitFor();
    await expect(page.getByTestId("card-kind").textContent()).resolves.toBe("new");
    // MoCo's cards only: the day's limit stays as it was for every other note.
    const { rows } = await db.query<{ extraNew: number; allowances: number }>(
      `SELECT s."extraNew", (SELECT count(*)::int FROM "NoteNewAllowance" a WHERE a."userId" = u.id) AS allowances
         FROM "UserSettings" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    expect(rows[0]).toEqual({ extraNew: 0, allowances: 1 });
    await page.goto("/review?paper=clip");
    await page.getByTestId("new-limit-reached").waitFor();
    await context.close();
  });

  it("studies a note outside the study set from its own session, and saves the answers", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review-outside");
    await signUp(page, email);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const userId = rows[0]!.id;
    await db.query(`UPDATE "UserSettings" SET "studyAll" = false WHERE "userId" = $1`, [userId]);
    await db.query(`INSERT INTO "StudySetPaper" ("userId", "paperId") SELECT $1, id FROM "Paper" WHERE slug = 'clip'`, [userId]);
    await page.goto("/review?paper=moco");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    await page.getByTestId("review-card").waitFor();
    await answerWithKeyboard(page, "3");
    await expect
      .poll(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewLog" WHERE "userId" = $1`, [userId])).rows[0]!.n)
      .toBe(1);
    await context.close();
  });

  it("reviews five cards with the keyboard, undoes one, reloads with an answer pending and keeps the counts right", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("review");
    await signUp(page, email);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const userId = rows[0]!.id;
    const logCount = async () =>
      Number((await db.query<{ count: string }>(`SELECT count(*) FROM "ReviewLog" WHERE "userId" = $1`, [userId])).rows[0]?.count);

    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    expect(await counts(page)).toEqual({ new: 20, learning: 0, review: 0 });
    await page.keyboard.press("Space");
    await expect(page.getByTestId("grade-3").textContent()).resolves.toContain("10m");
    await page.keyboard.press("Escape");

    const answered: (string | null)[] = [];
    for (let i = 0; i < 5; i += 1) answered.push(await answerWithKeyboard(page, "3"));
    expect(new Set(answered).size).toBe(5);
    expect(await counts(page)).toEqual({ new: 15, learning: 0, review: 0 });

    // Undo brings the last card back, unanswered, and its count with it.
    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      (id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") === id,
      answered[4],
    );
    expect(await counts(page)).toEqual({ new: 16, learning: 0, review: 0 });
    await expect.poll(logCount, { timeout: 10_000 }).toBe(4);
    await answerWithKeyboard(page, "4");
    await expect.poll(logCount, { timeout: 10_000 }).toBe(5);

    // The connection drops: the next answer stays in the browser.
    await page.route("**/api/review/answer", (route) => route.abort("internetdisconnected"));
    const pendingCard = await answerWithKeyboard(page, "3");
    await page.getByTestId("pending-answers").waitFor();
    expect(await counts(page)).toEqual({ new: 14, learning: 0, review: 0 });

    // Reload with the answer still pending: its card is not shown again and the counts hold.
    await page.reload();
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    await page.getByTestId("pending-answers").waitFor();
    expect(await currentCardId(page)).not.toBe(pendingCard);
    expect(await counts(page)).toEqual({ new: 14, learning: 0, review: 0 });
    expect(await logCount()).toBe(5);

    // Back online: the answer is saved once.
    await page.unroute("**/api/review/answer");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.getByTestId("pending-answers").waitFor({ state: "detached", timeout: 20_000 });
    expect(await logCount()).toBe(6);
    await page.reload();
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    expect(await counts(page)).toEqual({ new: 14, learning: 0, review: 0 });
    expect(await logCount()).toBe(6);
    await context.close();
  });

  it("shows a refused answer from a second tab and moves on", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("two-tabs"));
    const other = await context.newPage();
    await page.goto("/review");
    await other.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    await other.locator("[data-testid=review-session][data-ready=true]").waitFor();
    const first = await answerWithKeyboard(page, "3");
    await expect.poll(() => page.getByTestId("pending-answers").count()).toBe(0);
    const second = await answerWithKeyboard(other, "1");
    expect(second).toBe(first);
    await other.getByTestId("review-notice").waitFor();
    await expect(other.getByTestId("review-notice").textContent()).resolves.toContain("another tab");
    expect(await currentCardId(other)).not.toBe(first);
    await context.close();
  });
});
