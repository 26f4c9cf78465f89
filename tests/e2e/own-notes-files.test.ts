import type { Browser } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "@/app/lib/domain/anki/zip";
import { baseUrl, closeBrowserAndDatabase, hasBrowser, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";
import { retireAllOwnNotesWith } from "../integration/notes/retire-own-notes-sql";

const NOTE = (word: string, cardType = "basic") => `---
title: "Imported ${word}"
short: ${word}
kind: concept
authors: []
area: concepts
tags: [own-notes]
prerequisites: []
summary: An imported note about ${word}.
---

## Idea

The ${word} trick.

\`\`\`card
id: what-is-it
type: ${cardType}
front: What is ${word}?
back: A trick called ${word}.
\`\`\`
`;

describe.runIf(hasBrowser)("own notes from the corpus and from files, in the browser", () => {
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

  async function signedInPage() {
    const context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    await signUp(page, uniqueEmail("notefiles"));
    return page;
  }

  it("makes one's own copy of a corpus note from its page and opens the copy's editor", async () => {
    const page = await signedInPage();
    await page.goto("/papers/clip");
    const button = page.getByTestId("make-copy");
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    await page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const source = await page.getByTestId("note-source").inputValue();
    expect(source).toMatch(/^---\ntitle: ".+ \(my copy\)"\n/);
    expect(source).toContain("```card");
  });

  it("shows no copy button to a guest", async () => {
    const context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto("/papers/clip");
    await page.getByTestId("note-quiz-link").waitFor();
    await page.getByText("Sign in to study this note").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("make-copy").count()).toBe(0);
  });

  it("adds one's own card beside a corpus section, shows it there to its author only, edits and deletes it", async () => {
    const page = await signedInPage();
    await page.goto("/papers/clip");
    const add = page.getByTestId("add-passage-card").first();
    await add.waitFor({ timeout: 20_000 });
    const section = await add.evaluate((button) => button.closest("[data-passage-cards]")?.getAttribute("data-passage-cards") ?? "");
    await add.click();
    const form = page.getByTestId("passage-card-form");
    await form.getByLabel("Front (the question)").fill("My own question <b>here</b> about $x^2$ and `code`?");
    await form.getByLabel("Back (the answer)").fill("My **own** answer.");
    await form.getByRole("button", { name: "Save card" }).click();
    const card = page.locator(`[data-passage-cards="${section}"] [data-testid="own-passage-card"]`);
    await card.waitFor({ timeout: 20_000 });
    // Rendered by the notes' pipeline: maths by KaTeX, code as code, raw HTML dropped by the sanitiser.
    expect(await card.textContent()).toContain("My own question here about");
    expect(await card.locator(".katex").count()).toBe(1);
    expect(await card.locator("code").count()).toBe(1);
    expect(await card.locator("b").count()).toBe(0);
    await card.getByRole("button", { name: "Show answer" }).click();
    expect(await card.locator("strong").textContent()).toBe("own");

    // The Chinese edition shows it under the same section (its heading has a Chinese anchor),
    // and a card added there lands in that section of the English page too.
    await page.goto("/zh/papers/clip");
    const zhCard = page.locator(`[data-passage-cards="${section}"] [data-testid="own-passage-card"]`);
    await zhCard.waitFor({ timeout: 20_000 });
    expect(await zhCard.locator(".katex").count()).toBe(1);
    await page.locator(`[data-passage-cards="${section}"]`).getByTestId("add-passage-card").click();
    const zhForm = page.getByTestId("passage-card-form");
    await zhForm.getByLabel("正面（问题）").fill("中文页上的问题？");
    await zhForm.getByLabel("背面（答案）").fill("中文答案。");
    await zhForm.getByRole("button", { name: "保存卡片" }).click();
    await expect.poll(() => page.getByTestId("own-passage-card").count(), { timeout: 20_000 }).toBe(2);
    await page.goto("/papers/clip");
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(2);
    await card.filter({ hasText: "中文页上的问题" }).getByRole("button", { name: "Delete your card" }).click();
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);

    // Another reader sees the section's button but not the card.
    const other = await signedInPage();
    await other.goto("/papers/clip");
    await other.getByTestId("add-passage-card").first().waitFor({ timeout: 20_000 });
    expect(await other.getByTestId("own-passage-card").count()).toBe(0);
    expect(await other.content()).not.toContain("My own question");

    await card.getByRole("button", { name: "Edit your card" }).click();
    const edit = page.getByTestId("passage-card-form");
    await edit.getByLabel("Front (the question)").fill("Edited question?");
    await edit.getByRole("button", { name: "Save card" }).click();
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain("Edited question?");
    await card.getByRole("button", { name: "Delete your card" }).click();
    await expect.poll(() => page.getByTestId("own-passage-card").count(), { timeout: 20_000 }).toBe(0);
  });

  it("imports a markdown file on /notes, lists every problem of a broken one by file and line, and exports them as a .zip", async () => {
    const page = await signedInPage();
    await page.goto("/notes");
    await page.getByTestId("import-notes").setInputFiles({ name: "zephyrine.md", mimeType: "text/markdown", buffer: Buffer.from(NOTE("zephyrine")) });
    await expect.poll(() => page.getByTestId("import-done").textContent(), { timeout: 20_000 }).toContain("1 note imported");
    await page.getByRole("link", { name: "Imported zephyrine", exact: true }).waitFor({ timeout: 20_000 });

    // The same file again updates that note: still one note, and the summary says so.
    await page.getByTestId("import-notes").setInputFiles({ name: "zephyrine.md", mimeType: "text/markdown", buffer: Buffer.from(NOTE("zephyrine").replace("The zephyrine trick.", "The zephyrine trick, revised.")) });
    await expect.poll(() => page.getByTestId("import-done").textContent(), { timeout: 20_000 }).toContain("1 note updated");
    await page.reload();
    await page.getByRole("link", { name: "Imported zephyrine", exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole("link", { name: "Imported zephyrine", exact: true }).count()).toBe(1);

    const broken = NOTE("brokenite", "lottery");
    const line = broken.split("\n").findIndex((l) => l.includes("type: lottery")) + 1;
    await page.getByTestId("import-notes").setInputFiles({ name: "brokenite.md", mimeType: "text/markdown", buffer: Buffer.from(broken) });
    const error = page.getByTestId("import-error");
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain(`brokenite.md, line ${line}`);
    expect(await page.getByRole("link", { name: "Imported brokenite", exact: true }).count()).toBe(0);

    const exported = await page.request.get("/api/own-notes/export");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toBe("application/zip");
    const zip = await exported.body();
    expect(zip.subarray(0, 2).toString()).toBe("PK");
    const reader = readZip(zip);
    expect(reader.names).toHaveLength(1);
    expect(new TextDecoder().decode(reader.read(reader.names[0]!, 1_000_000)!)).toContain('title: "Imported zephyrine"');
  });
});
