import type { Browser, Page } from "playwright-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeBrowserAndDatabase, hasBrowser, openBrowserAndDatabase, signUp, uniqueEmail } from "./browser";
import { retireAllOwnNotesWith } from "../integration/notes/retire-own-notes-sql";

const VALID_NOTE = (word: string) => `---
title: "Notes on ${word}"
short: ${word}
kind: concept
authors: []
area: concepts
tags: [own-notes]
prerequisites: []
summary: My own summary about ${word}.
---

## Idea

The ${word} trick is a ==${word} method== with loss $\\mathcal{L} = -\\log p$.

\`\`\`python
def loss(p): return -log(p)
\`\`\`

\`\`\`card
id: what-is-it
type: basic
front: What is ${word}?
back: A trick called ${word}.
\`\`\`
`;

/** Payloads that call window.__xss() if anything lets them run. */
const P = {
  img: `<img src=x onerror="window.__xss('img')">`,
  svg: `<svg onload="window.__xss('svg')"></svg>`,
  script: `<script>window.__xss('script')</script>`,
  iframe: `<iframe src="javascript:window.__xss('iframe')"></iframe>`,
  link: `[click me](javascript:window.__xss('link'))`,
  data: `[data](data:text/html,<script>window.__xss('data')</script>)`,
  katex: `$\\href{javascript:window.__xss('katex')}{math link}$`,
  style: `<div style="position:fixed;inset:0;z-index:9999;background:red" onmouseover="window.__xss('overlay')">cover</div>`,
};
const yaml = (text: string) => JSON.stringify(text);

/** A valid note whose every field the parser accepts holds a payload (raw HTML only where markdown allows none). */
const HOSTILE_VALID = `---
title: ${yaml(`XSS ${P.img} title`)}
short: ${yaml(`xss ${P.svg}`)}
kind: concept
authors: []
area: concepts
tags: [xss]
prerequisites: []
summary: ${yaml(`summary ${P.script} ${P.img}`)}
---

## Heading ${P.link}

Body ${P.link} ${P.data} ${P.katex} ==key term==.

\`\`\`card
id: c1
type: basic
front: ${yaml(`front ${P.img} ${P.link}`)}
back: ${yaml(`back ${P.svg} ${P.script} ${P.katex}`)}
\`\`\`

\`\`\`quiz
id: q1
type: single
prompt: ${yaml(`prompt ${P.iframe} ${P.img}`)}
choices:
  - ${yaml(`choice ${P.img}`)}
  - ${yaml(`choice ${P.link} ${P.data}`)}
answer: 0
explanation: ${yaml(`explanation ${P.script} ${P.svg}`)}
\`\`\`
`;

/** The same note with raw HTML in the body too: a draft (the parser refuses raw HTML), still previewed. */
const HOSTILE_DRAFT = HOSTILE_VALID.replace("## Heading", `${P.script}\n\n${P.img}\n\n${P.style}\n\n${P.iframe}\n\n## Heading`);

describe.runIf(hasBrowser)("writing one's own notes in the browser", () => {
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

  /** A signed-in page where window.__xss() counts calls (before any script of the page runs), and dialogs are recorded. */
  async function xssTrap(): Promise<{ page: Page; calls: () => Promise<string[]>; dialogs: string[] }> {
    const context = await browser.newContext({ baseURL: baseUrl() });
    await context.addInitScript(() => {
      const w = window as Window & { __xss?: (what: string) => void; __xssCalls?: string[] };
      const log: string[] = [];
      w.__xssCalls = log;
      w.__xss = (what: string) => {
        log.push(what);
      };
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signUp(page, uniqueEmail("notes"));
    return { page, dialogs, calls: () => page.evaluate(() => (window as Window & { __xssCalls?: string[] }).__xssCalls ?? ["trap missing"]) };
  }

  async function typeNote(page: Page, text: string) {
    const area = page.getByTestId("note-source");
    await area.fill(text);
  }

  it("writes a note with a live preview (KaTeX, highlighted code, a card that reveals), autosaves it and keeps an unsaved edit through a reload", async () => {
    const { page, calls } = await xssTrap();
    await page.goto("/notes/new");
    await typeNote(page, VALID_NOTE("flimflam"));
    const preview = page.getByTestId("note-preview");
    await preview.locator(".katex").first().waitFor();
    // Rendered by the preview's Web Worker in this production build, not the page's fallback
    // (which takes over while the worker is late, and would hide a worker that never works).
    await page.locator('[data-testid="note-preview"][data-thread="worker"]').waitFor();
    expect(await preview.locator(".hljs-keyword").count()).toBeGreaterThan(0);
    await page.getByTestId("note-errors").getByText(/No problems/).waitFor();
    await preview.getByRole("button", { name: "Show answer" }).first().click();
    await expect(preview.getByTestId("inline-card-answer").first().innerText()).resolves.toContain("A trick called flimflam");

    // Autosave creates the note and moves to its editor.
    await page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const id = /\/notes\/([a-z0-9]+)\/edit$/.exec(page.url())?.[1] ?? "";
    const row = await db.query<{ status: string; n: number }>(
      `SELECT p.status, (SELECT count(*)::int FROM "Card" c WHERE c."paperId" = p.id AND c."retiredAt" IS NULL) AS n FROM "Paper" p WHERE p.id = $1`,
      [id],
    );
    expect(row.rows[0]).toMatchObject({ status: "valid" });
    expect(row.rows[0]?.n).toBeGreaterThanOrEqual(2);

    // An edit with errors: every problem listed with its line, and kept through a reload before any save.
    const broken = VALID_NOTE("flimflam").replace("area: concepts", "area: nowhere").replace("type: basic", "type: nonsense");
    await page.getByTestId("note-source").fill(broken);
    await page.getByTestId("note-error").first().waitFor();
    const errors = await page.getByTestId("note-error").allInnerTexts();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((e) => /^Line \d+:/.test(e))).toBe(true);
    await page.reload();
    await page.getByTestId("restored-notice").waitFor();
    await expect(page.getByTestId("note-source").inputValue()).resolves.toBe(broken);
    await page.getByTestId("note-save").click();
    await page.waitForFunction(() => /draft/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ""));

    // The note page shows the last valid version; the library marks it as the reader's.
    await page.goto(`/notes/${id}`);
    await expect(page.getByTestId("note-body").innerText()).resolves.toContain("flimflam trick");
    await page.goto("/?owner=mine");
    await expect(page.getByTestId("tile-yours").count()).resolves.toBe(1);
    expect(await calls()).toEqual([]);
  });

  it("runs none of a corpus of XSS payloads, in the preview or on the note page", async () => {
    const { page, calls, dialogs } = await xssTrap();
    await page.goto("/notes/new");
    await typeNote(page, HOSTILE_VALID);
    await page.getByTestId("note-preview").locator(".katex").first().waitFor();
    await page.getByTestId("note-errors").getByText(/No problems/).waitFor();
    await page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const id = /\/notes\/([a-z0-9]+)\/edit$/.exec(page.url())?.[1] ?? "";

    // The draft with raw HTML in the body, previewed (and saved as a draft).
    await typeNote(page, HOSTILE_DRAFT);
    await page.getByTestId("note-error").first().waitFor();
    const preview = page.getByTestId("note-preview");
    await expect(preview.innerText()).resolves.toContain("Heading");
    // A draft's cards and questions are previewed too (each click turns its button into "Hide answer").
    const show = preview.getByRole("button", { name: "Show answer" });
    expect(await show.count()).toBe(2);
    while ((await show.count()) > 0) await show.first().click();
    for (const link of await preview.locator("a").all()) await link.click({ trial: false, noWaitAfter: true }).catch(() => undefined);
    await preview.hover();
    expect(await preview.locator("script, iframe, img, [onerror], [onload], [onmouseover]").count()).toBe(0);
    await page.getByTestId("note-save").click();
    await page.waitForFunction(() => /draft/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ""));

    await page.goto(`/notes/${id}`);
    const body = page.getByTestId("note-body");
    await body.locator(".katex").first().waitFor();
    for (const button of await body.getByRole("button", { name: "Show answer" }).all()) await button.click();
    for (const link of await body.locator("a").all()) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href).not.toMatch(/^\s*(javascript|data):/i);
    }
    expect(await page.locator("article script, article iframe, article img, article [onerror], article [onload]").count()).toBe(0);
    await page.mouse.move(10, 10);
    await page.waitForTimeout(300);
    expect(await calls()).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("refuses another user's note as not found", async () => {
    const owner = await xssTrap();
    await owner.page.goto("/notes/new");
    await typeNote(owner.page, VALID_NOTE("secretive"));
    await owner.page.waitForURL(/\/notes\/[a-z0-9]+\/edit$/, { timeout: 20_000 });
    const id = /\/notes\/([a-z0-9]+)\/edit$/.exec(owner.page.url())?.[1] ?? "";
    const other = await xssTrap();
    for (const path of [`/notes/${id}`, `/notes/${id}/edit`]) {
      const response = await other.page.goto(path);
      expect(response?.status()).toBe(404);
      expect(await other.page.content()).not.toContain("secretive");
    }
  });
});
