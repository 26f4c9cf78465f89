import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { typeableAnswer } from "@/app/lib/domain/quiz";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, hasBrowser, newPage, signIn, uniqueEmail, openBrowserAndDatabase, closeBrowserAndDatabase } from "./browser";

describe.runIf(hasBrowser)("card controls in a real browser", () => {
  let browser: Browser;
  let db: pg.Client;

  /** A fresh account made in the database (as sign-up makes it) with settings, then signed in. */
  async function signUp(page: Page, prefix: string, settings: Record<string, number | boolean> = {}) {
    const id = randomUUID();
    const email = uniqueEmail(prefix);
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
      id,
      email,
      await hashPassword(STRONG_PASSWORD),
    ]);
    const columns = Object.keys(settings).map((k) => `"${k}"`);
    await db.query(
      `INSERT INTO "UserSettings" ("userId", parameters, "updatedAt"${columns.map((c) => `, ${c}`).join("")})
       VALUES ($1, '{}', now()${columns.map((_, i) => `, $${i + 2}`).join("")})`,
      [id, ...Object.values(settings)],
    );
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    return id;
  }

  async function stateOf(userId: string, cardId: string) {
    const { rows } = await db.query<{ suspended: boolean; buriedUntil: Date | null; flag: number; leech: boolean; state: number }>(
      `SELECT suspended, "buriedUntil", flag, leech, state FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`,
      [userId, cardId],
    );
    return rows[0] ?? null;
  }

  const currentCardId = (page: Page) => page.getByTestId("review-card").getAttribute("data-card-id");
  const cardChangedFrom = (page: Page, id: string | null) =>
    page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, id);
  const cardIs = (page: Page, id: string | null) =>
    page.waitForFunction((want) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") === want, id);

  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("buries, suspends and flags the card on screen with Anki's keys, each undone with Ctrl+Z", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-keys", { newPerDay: 5 });
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    const newBefore = Number(await page.getByTestId("count-new").textContent());

    // "-" buries until the next study day.
    const buried = await currentCardId(page);
    await page.keyboard.press("-");
    await cardChangedFrom(page, buried);
    await expect.poll(async () => (await stateOf(userId, buried!))?.buriedUntil ?? null).not.toBeNull();
    expect(Number(await page.getByTestId("count-new").textContent())).toBe(newBefore - 1);
    await expect(page.getByTestId("review-notice").textContent()).resolves.toContain("buried until tomorrow");
    await page.keyboard.press("Control+z");
    await cardIs(page, buried);
    await expect.poll(async () => (await stateOf(userId, buried!))?.buriedUntil ?? "cleared").toBe("cleared");
    expect(Number(await page.getByTestId("count-new").textContent())).toBe(newBefore);

    // "@" suspends; undo unsuspends.
    await page.keyboard.press("@");
    await cardChangedFrom(page, buried);
    await expect.poll(async () => (await stateOf(userId, buried!))?.suspended).toBe(true);
    // Undo takes back a change the page has heard back about: wait for its notice.
    await page.locator("[data-testid=review-notice]", { hasText: "Card suspended" }).waitFor();
    await page.keyboard.press("Control+z");
    await cardIs(page, buried);
    await expect.poll(async () => (await stateOf(userId, buried!))?.suspended).toBe(false);

    // Ctrl+2 flags orange; Ctrl+2 again removes it. The card stays.
    await page.keyboard.press("Control+2");
    await page.locator("[data-testid=review-card][data-flag='2']").waitFor();
    await expect.poll(async () => (await stateOf(userId, buried!))?.flag).toBe(2);
    await page.keyboard.press("Control+2");
    await page.locator("[data-testid=review-card][data-flag='0']").waitFor();
    await expect.poll(async () => (await stateOf(userId, buried!))?.flag).toBe(0);

    // The toolbar does the same by pointer or Tab: Bury.
    await page.getByTestId("control-bury").click();
    await cardChangedFrom(page, buried);
    await expect.poll(async () => (await stateOf(userId, buried!))?.buriedUntil ?? null).not.toBeNull();

    // "?" shows the keys; Escape closes them.
    await page.keyboard.press("?");
    await page.getByTestId("keyboard-help").waitFor({ state: "visible" });
    await expect(page.getByTestId("keyboard-help").textContent()).resolves.toContain("Bury the card until tomorrow");
    await page.keyboard.press("Escape");
    await page.getByTestId("keyboard-help").waitFor({ state: "hidden" });
    await context.close();
  });

  it("buries the whole note with = and suspends it from the toolbar, each undone with Ctrl+Z", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-note", { newPerDay: 5 });
    const { rows: notes } = await db.query<{ slug: string; n: number }>(
      `SELECT p.slug, count(*)::int AS n FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND p."ownerId" IS NULL
        GROUP BY p.slug, p."sortKey" HAVING count(*) >= 4 ORDER BY p."sortKey" LIMIT 1`,
    );
    const note = notes[0]!;
    const count = async (column: "buriedUntil" | "suspended") =>
      Number(
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "CardState" WHERE "userId" = $1 AND ${column === "suspended" ? "suspended" : `"buriedUntil" IS NOT NULL`}`,
            [userId],
          )
        ).rows[0]!.n,
      );
    await page.goto(`/review?paper=${note.slug}`);
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    const first = await currentCardId(page);

    // "=" buries every card of the note, new ones too: the note's session is done.
    await page.keyboard.press("=");
    await page.getByTestId("review-finished").waitFor();
    await expect.poll(() => count("buriedUntil")).toBe(note.n);
    await page.locator("[data-testid=review-notice]", { hasText: "buried until tomorrow" }).waitFor();
    await expect(page.getByTestId("review-notice").textContent()).resolves.toMatch(new RegExp(`^${note.n} cards of .+ buried until tomorrow\\.$`));
    await page.keyboard.press("Control+z");
    await cardIs(page, first);
    await expect.poll(() => count("buriedUntil")).toBe(0);

    // The toolbar's "Suspend note" (also "!") suspends them all; undo brings them back.
    await page.getByTestId("control-suspend-note").click();
    await page.getByTestId("review-finished").waitFor();
    await expect.poll(() => count("suspended")).toBe(note.n);
    await page.locator("[data-testid=review-notice]", { hasText: "suspended" }).waitFor();
    await page.keyboard.press("Control+z");
    await cardIs(page, first);
    await expect.poll(() => count("suspended")).toBe(0);
    await page.keyboard.press("!");
    await page.getByTestId("review-finished").waitFor();
    await expect.poll(() => count("suspended")).toBe(note.n);
    await context.close();
  });

  it("suspends a card at its leech threshold and says so on the finish screen", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-leech", { newPerDay: 0, leechThreshold: 1 });
    const { rows } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND c.type = 'basic' ORDER BY c.id LIMIT 1`,
    );
    const cardId = rows[0]!.id;
    await db.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                                reps, lapses, state, "lastReview", version, "updatedAt")
       VALUES ($1, $2, now() - interval '1 day', 5, 5, 0, 5, 0, 3, 0, 2, now() - interval '6 days', 3, now())`,
      [userId, cardId],
    );
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    expect(await currentCardId(page)).toBe(cardId);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("1");
    // Again on a review card is a lapse, the first: a leech at threshold 1, suspended, so the
    // session ends and its finish screen names it.
    await page.getByTestId("leeches-found").waitFor();
    await expect.poll(async () => stateOf(userId, cardId)).toMatchObject({ leech: true, suspended: true });
    await context.close();
  });

  it("browses, searches, sorts and changes cards in bulk at /cards, each change undoable", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-browser");
    const { rows: cards } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL ORDER BY p."sortKey", c.position LIMIT 30`,
    );
    const ids = cards.map((c) => c.id);
    const { rows: live } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL`,
    );
    // Thirty studied cards, due over the coming days, reviewed 1..10 days ago.
    for (const [i, cardId] of ids.entries()) {
      await db.query(
        `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                                  reps, lapses, state, "lastReview", version, "updatedAt")
         VALUES ($1, $2, now() + ($3 || ' days')::interval, $4, $5, 0, 5, 0, 3, 0, 2, now() - ($6 || ' days')::interval, 2, now())`,
        [userId, cardId, String(i % 7), 2 + (i % 5) * 4, 2 + (i % 8), String(1 + (i % 10))],
      );
    }

    // The header links the browser.
    await page.goto("/");
    await page.getByRole("link", { name: "Cards", exact: true }).first().click();
    await page.waitForURL("**/cards");
    await page.getByTestId("cards-table").waitFor();
    await expect(page.getByTestId("cards-total").textContent()).resolves.toContain(`${live[0]!.n} cards`);
    expect(await page.getByTestId("card-row").count()).toBe(50);

    // Search from the form (Enter submits it).
    await page.getByTestId("cards-search").fill("momentum");
    await page.getByTestId("cards-search").press("Enter");
    await page.waitForURL(/q=momentum/);
    const { rows: matching } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND (c.front ILIKE '%momentum%' OR c.back ILIKE '%momentum%')`,
    );
    await expect(page.getByTestId("cards-total").textContent()).resolves.toContain(`${matching[0]!.n} card`);

    // Nothing found: an empty state with a way back.
    await page.goto("/cards?q=zzzz-no-such-text");
    await page.getByTestId("cards-empty").waitFor();

    // Sorted by recall, lowest first; the header says so.
    await page.goto("/cards?state=review");
    await page.getByTestId("sort-retrievability").click();
    await page.waitForURL(/sort=retrievability/);
    await expect(page.locator("th[aria-sort=ascending]").textContent()).resolves.toContain("Recall");
    expect(await page.getByTestId("card-row").count()).toBe(30);

    // Select two by keyboard, suspend them, then undo.
    const first = page.getByTestId("card-row").nth(0);
    const second = page.getByTestId("card-row").nth(1);
    const chosen = [await first.getAttribute("data-card-id"), await second.getAttribute("data-card-id")];
    await first.getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await second.getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("selected-count").textContent()).resolves.toBe("2 selected");
    await page.getByTestId("bulk-suspend").click();
    await expect.poll(() => page.getByTestId("bulk-status").textContent()).toContain("2 cards suspended");
    const suspendedOf = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CardState" WHERE "userId" = $1 AND suspended AND "cardId" = ANY($2)`, [userId, chosen])).rows[0]!.n;
    expect(await suspendedOf()).toBe(2);
    await page.getByTestId("bulk-undo").click();
    await expect.poll(suspendedOf).toBe(0);

    // Flag one orange (the selection stays after a change, as in Anki: narrow it to the first).
    await second.getByRole("checkbox").uncheck();
    await expect(page.getByTestId("selected-count").textContent()).resolves.toBe("1 selected");
    await page.getByTestId("bulk-flag-choice").selectOption("2");
    await page.getByTestId("bulk-flag").click();
    await expect.poll(() => page.getByTestId("bulk-status").textContent()).toMatch(/flagged orange/i);
    await page.goto("/cards?flag=2");
    expect(await page.getByTestId("card-row").count()).toBe(1);
    expect(await page.getByTestId("card-row").first().getAttribute("data-card-id")).toBe(chosen[0]);

    // Open it: its numbers and forgetting curve; reset it to new.
    await page.getByTestId("card-open").first().click();
    await page.getByTestId("card-detail").waitFor();
    await expect(page.getByTestId("detail-state").textContent()).resolves.toMatch(/^review$/i);
    await page.getByTestId("card-curve-chart").waitFor();
    await page.getByTestId("card-row").first().getByRole("checkbox").check();
    await page.getByTestId("bulk-reset").click();
    await expect.poll(() => page.getByTestId("bulk-status").textContent()).toContain("reset to new");
    await expect.poll(async () => (await stateOf(userId, chosen[0]!))?.state).toBe(0);
    await expect.poll(() => page.getByTestId("detail-state").textContent()).toMatch(/^new$/i);
    await context.close();
  });

  it("lets the answer of a short basic card be typed first, judged by the short-answer rules", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-typing", { newPerDay: 0 });
    const { rows: basics } = await db.query<{ id: string; back: string }>(
      `SELECT c.id, c.back FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND c.type = 'basic' ORDER BY c.id`,
    );
    const typeable = basics.flatMap((c) => {
      const answer = typeableAnswer(c.back);
      return answer ? [{ id: c.id, answer }] : [];
    });
    expect(typeable.length).toBeGreaterThanOrEqual(2);
    const pair = typeable.slice(0, 2);
    for (const card of pair) {
      await db.query(
        `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                                  reps, lapses, state, "lastReview", version, "updatedAt")
         VALUES ($1, $2, now() - interval '1 day', 5, 5, 0, 5, 0, 3, 0, 2, now() - interval '6 days', 3, now())`,
        [userId, card.id],
      );
    }
    await page.goto("/review");
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    await page.getByTestId("type-answers-toggle").check();

    // The right answer, typed loosely (case, spacing): the input has the keyboard, Enter shows the answer.
    const shown = await page.getByTestId("review-card").getAttribute("data-card-id");
    const card = pair.find((c) => c.id === shown)!;
    expect(card).toBeDefined();
    await page.getByTestId("typed-answer").waitFor();
    await page.keyboard.type(`  ${card.answer.toUpperCase()} `);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("typed-result").getAttribute("data-correct")).resolves.toBe("true");
    await page.keyboard.press("3");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, shown);

    // A wrong one says what the answer was; the choice of typing stays on for the next card.
    await page.getByTestId("typed-answer").waitFor();
    await page.keyboard.type("certainly not this");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("typed-result").getAttribute("data-correct")).resolves.toBe("false");
    await context.close();
  });

  it("offers custom study when the day is done, and studies ahead the cards due in the next days", async () => {
    const { context, page } = await newPage(browser);
    const userId = await signUp(page, "controls-ahead", { newPerDay: 0 });
    const { rows } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND c.type = 'basic' ORDER BY c.id DESC LIMIT 1`,
    );
    const cardId = rows[0]!.id;
    await db.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                                reps, lapses, state, "lastReview", version, "updatedAt")
       VALUES ($1, $2, now() + interval '3 days', 8, 5, 0, 8, 0, 3, 0, 2, now() - interval '5 days', 3, now())`,
      [userId, cardId],
    );
    await page.goto("/review");
    await page.getByTestId("review-finished").waitFor();
    await page.getByTestId("study-ahead").click();
    await page.waitForURL(/custom=ahead/);
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Study ahead");
    await page.locator(`[data-testid=review-card][data-card-id='${cardId}']`).waitFor();
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("3");
    await page.getByTestId("review-finished").waitFor();
    await expect.poll(async () => (await db.query(`SELECT 1 FROM "ReviewLog" WHERE "userId" = $1 AND "cardId" = $2`, [userId, cardId])).rowCount).toBe(1);
    // A custom session does not offer another.
    expect(await page.getByTestId("custom-study").count()).toBe(0);
    await context.close();
  });
});
