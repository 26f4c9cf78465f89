/**
 * Data from the database in the reader's language: a Chinese reader sees the cards' Chinese
 * fronts and the notes' Chinese titles in the card browser, the Chinese titles in the quiz
 * list's tooltips, and the note editor's problems in Chinese, each at its line.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, baseUrl, closeBrowserAndDatabase, hasBrowser, openBrowserAndDatabase, signIn, uniqueEmail } from "./browser";
import { retireAllOwnNotesWith } from "../integration/notes/retire-own-notes-sql";

const HAN = /\p{Script=Han}/u;

const BROKEN_NOTE = `---
title: "Broken on purpose"
short: Broken
kind: concept
area: concepts
tags: [mine]
summary: A note with problems for the checker.
colour: blue
---

# A title heading

The ==loss== and the ==gradient== share this sentence about training models.
`;

describe.runIf(hasBrowser)("database text on Chinese pages", () => {
  let browser: Browser;
  let db: pg.Client;
  let email: string;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
    const id = randomUUID();
    email = uniqueEmail("zh-data");
    await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [id, email, await hashPassword(STRONG_PASSWORD)]);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
  });
  afterAll(async () => {
    if (db) await retireAllOwnNotesWith((sql) => db.query(sql));
    await closeBrowserAndDatabase(browser, db);
  });

  it("shows Chinese card fronts, note titles, quiz tooltips and editor problems to a Chinese reader", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const useLocale = (value: string) => context.addCookies([{ name: "paperdeck-locale", value, url: baseUrl() }]);
    const page = await context.newPage();
    // The sign-in helper finds the English labels.
    await useLocale("en");
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    await useLocale("zh-CN");

    await page.goto("/cards", { waitUntil: "load", timeout: 90_000 });
    const front = page.getByTestId("card-open").first();
    await front.waitFor();
    expect(await front.getAttribute("lang")).toBe("zh-CN");
    expect(await front.textContent()).toMatch(HAN);
    const noteCell = page.locator("td[lang='zh-CN']").first();
    expect(await noteCell.textContent()).toMatch(HAN);
    // The card's detail: its Chinese sides and a link to the Chinese edition of its note.
    await front.click();
    const detail = page.getByTestId("card-detail");
    await detail.waitFor();
    expect(await detail.locator("p[lang='zh-CN']").first().textContent()).toMatch(HAN);
    expect(await detail.locator("h2 a").getAttribute("href")).toMatch(/^\/zh\/papers\//);

    await page.goto("/quizzes", { waitUntil: "load", timeout: 90_000 });
    const quizNote = page.locator("[data-testid^='quiz-note-']").first();
    await quizNote.waitFor();
    expect(await quizNote.getAttribute("lang")).toBe("zh-CN");
    expect(await quizNote.getAttribute("title")).toMatch(HAN);

    await page.goto("/notes/new", { waitUntil: "load", timeout: 90_000 });
    await page.getByTestId("note-source").fill(BROKEN_NOTE);
    const problems = page.getByTestId("note-error");
    await page.getByTestId("note-errors").getByText("章节请用 ##").waitFor({ timeout: 30_000 });
    const texts = await problems.allTextContents();
    expect(texts.some((t) => t.includes("11") && t.includes("章节请用 ##：笔记的标题来自前言"))).toBe(true);
    expect(texts.some((t) => t.includes("每句只能有一个 ==关键词==：==loss== 和 ==gradient== 在同一句里"))).toBe(true);
    expect(texts.some((t) => t.includes("未知的键 `colour`"))).toBe(true);
    await context.close();
  }, 600_000);
});
