import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { middleOfNote, typeAndMeasurePreview } from "../../scripts/bench/lib/preview-latency";
import { closeBrowserAndDatabase, hasBrowser, newPage, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";
import { retireAllOwnNotesWith } from "../integration/notes/retire-own-notes-sql";

const NOTE = (word: string) => `---
title: "Authoring ${word}"
short: ${word}
kind: concept
authors: []
area: concepts
tags: [own-notes]
prerequisites: []
summary: My own summary about ${word}.
---

## Idea

The ${word} trick is what this note is about, with loss $\\mathcal{L} = -\\log p$.

## Later

More text.
`;

async function editorWith(page: Page, text: string) {
  await page.goto("/notes/new");
  await page.getByTestId("note-source").fill(text);
  await page.getByTestId("note-preview").locator(".katex").first().waitFor();
}

/** Puts the cursor at `offset` in the note's text, as a click there would. */
async function cursorAt(page: Page, offset: number) {
  await page.getByTestId("note-source").evaluate((area: HTMLTextAreaElement, at) => {
    area.focus();
    area.setSelectionRange(at, at);
    area.dispatchEvent(new Event("select", { bubbles: true }));
  }, offset);
}

describe.runIf(hasBrowser)("writing cards and questions in one's own note", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(async () => {
    // Other files count or pick live cards: this file's own notes leave the shared database.
    if (db) await retireAllOwnNotesWith((sql) => db.query(sql));
    await closeBrowserAndDatabase(browser, db);
  });

  it("adds a card through the form, shows it in the preview, edits it both ways, saves it and studies it", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("authoring"));
    const text = NOTE("wobbler");
    await editorWith(page, text);

    // The cursor after the first paragraph: "Add a card here".
    await cursorAt(page, text.indexOf("-\\log p$.") + 9);
    await page.getByTestId("add-card").click();
    const form = page.getByTestId("block-form");
    await expect(page.getByLabel("Type", { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByTestId("block-front").fill("What does the wobbler trick wobble?");
    await page.getByTestId("block-back").fill("The $\\theta$ weights.");
    await page.getByTestId("block-submit").click();
    await expect(form.count()).resolves.toBe(0);
    const source = page.getByTestId("note-source");
    const written = await source.inputValue();
    expect(written).toContain("```card\nid: wobbler-trick-wobble\ntype: basic\nfront: What does the wobbler trick wobble?\nback: The $\\theta$ weights.\n```");
    expect(written.indexOf("```card")).toBeLessThan(written.indexOf("## Later"));
    const card = page.getByTestId("note-preview").getByRole("complementary", { name: "Flashcard" });
    await expect(card.innerText()).resolves.toContain("What does the wobbler trick wobble?");

    // The cursor inside the card: the same button edits it, and the text and the form follow each other.
    await cursorAt(page, written.indexOf("front:"));
    await expect(page.getByTestId("add-card").innerText()).resolves.toBe("Edit this card");
    await page.getByTestId("add-card").click();
    await expect(page.getByTestId("block-back").inputValue()).resolves.toBe("The $\\theta$ weights.");
    await page.getByTestId("block-back").fill("Its $\\theta$ weights, slowly.");
    await expect(source.inputValue()).resolves.toContain("back: Its $\\theta$ weights, slowly.\n```");
    await source.fill((await source.inputValue()).replace("front: What does", "front: Which part does"));
    await expect(page.getByTestId("block-front").inputValue()).resolves.toBe("Which part does the wobbler trick wobble?");
    await page.getByTestId("block-submit").click();
    await expect(card.innerText()).resolves.toContain("Which part does the wobbler trick wobble?");
    await page.getByTestId("note-errors").getByText(/No problems/).waitFor();

    // Saved (autosave creates the note), then studied in a session on this note.
    await page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const id = /\/notes\/([a-z0-9]+)\/edit$/.exec(page.url())?.[1] ?? "";
    const saved = () =>
      db.query<{ slug: string; cardId: string }>(
        `SELECT p.slug, c.id AS "cardId" FROM "Paper" p JOIN "Card" c ON c."paperId" = p.id WHERE p.id = $1 AND c.front LIKE 'Which part%' AND c.back LIKE '%slowly%' AND c."retiredAt" IS NULL`,
        [id],
      );
    await expect.poll(async () => (await saved()).rowCount, { timeout: 20_000 }).toBe(1);
    const { rows } = await saved();
    expect(rows).toHaveLength(1);
    await page.goto(`/review?paper=${rows[0]?.slug ?? ""}`);
    await page.locator("[data-testid=review-session][data-ready=true]").waitFor();
    for (let i = 0; i < 3; i += 1) {
      await page.getByTestId("review-card").waitFor();
      const shown = await page.getByTestId("review-card").getAttribute("data-card-id");
      await page.keyboard.press("Space");
      await page.getByTestId("card-back").waitFor();
      if (shown === rows[0]?.cardId) {
        await expect(page.getByTestId("card-back").innerText()).resolves.toContain("slowly");
        await page.keyboard.press("3");
        break;
      }
      await page.keyboard.press("3");
      await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, shown);
    }
    await expect
      .poll(async () => (await db.query(`SELECT 1 FROM "ReviewLog" WHERE "cardId" = $1`, [rows[0]?.cardId])).rowCount, { timeout: 10_000 })
      .toBe(1);
    await context.close();
  });

  it("keeps edits made with the connection down (DevTools offline) and saves them when it returns", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("offline"));
    await editorWith(page, NOTE("offliner"));
    await page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const id = /\/notes\/([a-z0-9]+)\/edit$/.exec(page.url())?.[1] ?? "";
    const stored = async () => (await db.query<{ source: string }>(`SELECT source FROM "Paper" WHERE id = $1`, [id])).rows[0]?.source ?? "";
    await expect.poll(stored, { timeout: 20_000 }).toContain("offliner");

    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const edited = NOTE("offliner").replace("More text.", "Written on a train with no connection.");
    await page.getByTestId("note-source").fill(edited);
    await page.getByTestId("note-save").click();
    await page.locator("[data-testid=save-status]", { hasText: "no connection" }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate((key) => localStorage.getItem(key), `paperdeck:own-note:${id}`)).toContain("Written on a train");
    expect(await stored()).not.toContain("Written on a train");

    // A second tab opened while offline would fail; the text also survives this tab being reloaded once online.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(stored, { timeout: 20_000 }).toContain("Written on a train");
    await page.reload();
    await expect(page.getByTestId("note-source").inputValue()).resolves.toContain("Written on a train");
    await context.close();
  });

  it("updates the preview on each keystroke in a 1,000-word note, and prints how fast", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("preview-speed"));
    const text = readFileSync("content/linear-probe-vs-fine-tuning.md", "utf8");
    await editorWith(page, text);
    await page.getByTestId("note-errors").getByText(/problem/).waitFor(); // the first full check is done
    const latencies = await typeAndMeasurePreview(page, middleOfNote(text), " quickly typed words appear", 60);
    expect(latencies.length).toBeGreaterThanOrEqual(20);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] ?? Infinity;
    console.log(`preview latency while typing (e2e, unthrottled, shared machine): p50 ${sorted[sorted.length >> 1]?.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    // Speed is the benchmark's to judge (`npm run bench:notes`, target p95 ≤ 50 ms), not a
    // threshold here: this test holds that every keystroke reached the preview (each measured
    // latency is a keystroke whose text appeared) and prints the figures.
    await expect(page.getByTestId("note-preview").innerText()).resolves.toContain("quickly typed words appear");
    await context.close();
  });
});
