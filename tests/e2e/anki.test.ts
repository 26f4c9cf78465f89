import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, hasBrowser, launchBrowser, newPage, signIn, signUp, uniqueEmail } from "./browser";

describe.runIf(hasBrowser)("exporting to and importing from Anki on the account page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says in place that a note must be ticked, and stays on the page", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("anki-none"));
    await page.goto("/account");
    const pages: string[] = [];
    page.on("framenavigated", (frame) => pages.push(frame.url()));
    await page.getByTestId("anki-export").click();
    await expect(page.getByTestId("anki-export-error").textContent()).resolves.toBe("Tick at least one note to export.");
    await page.getByTestId("anki-export-text").click();
    await expect(page.getByTestId("anki-export-error").textContent()).resolves.toBe("Tick at least one note to export.");
    expect(new URL(page.url()).pathname).toBe("/account");
    expect(pages.filter((url) => new URL(url).pathname !== "/account")).toEqual([]);
    await expect(page.getByRole("group", { name: "Export cards for Anki" }).getAttribute("aria-invalid")).resolves.toBe("true");
    // Ticking a note clears the message.
    await page.locator('input[name="note"]').first().check();
    await page.getByTestId("anki-export-error").waitFor({ state: "detached" });
    await context.close();
  });

  it("downloads a package and a text file of the ticked notes, and imports the package back", async () => {
    const { context, page } = await newPage(browser);
    await signUp(page, uniqueEmail("anki-files"));
    await page.goto("/account");
    await page.locator('input[name="note"]').first().check();

    const [apkg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("anki-export").click()]);
    expect(apkg.suggestedFilename()).toMatch(/^paperdeck-[\w-]+\.apkg$/);
    const apkgPath = await apkg.path();
    const bytes = await readFile(apkgPath);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");

    const [text] = await Promise.all([page.waitForEvent("download"), page.getByTestId("anki-export-text").click()]);
    expect(text.suggestedFilename()).toMatch(/\.txt$/);
    const tsv = await readFile(await text.path(), "utf8");
    expect(tsv.split("\n").slice(0, 3)).toEqual(["#separator:tab", "#html:true", "#notetype column:1"]);
    expect(tsv).not.toMatch(/(?<!=)==(?!=)/);
    expect(new URL(page.url()).pathname).toBe("/account");

    await page.getByTestId("import-apkg").setInputFiles(apkgPath);
    const result = page.getByTestId("import-apkg-result");
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/Added 0 reviews \(0 already there\) for \d+ cards of \d+ notes/);
    await context.close();
  });

  it("answers a page, not raw JSON, when the form is sent without JavaScript and no note is ticked", async () => {
    const setup = await newPage(browser);
    const email = uniqueEmail("anki-nojs");
    await signUp(setup.page, email);
    await setup.context.close();
    const withJs = await newPage(browser);
    await signIn(withJs.page, email);
    await withJs.page.getByTestId("user-menu").waitFor();
    const cookies = await withJs.context.cookies();
    await withJs.context.close();

    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/account");
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/export/apkg")), page.getByTestId("anki-export").click()]);
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    await expect(page.getByTestId("download-error").textContent()).resolves.toBe("Choose at least one note.");
    await page.getByRole("link", { name: "Back to your account" }).click();
    await page.waitForURL(/\/account/);
    await context.close();
  });
});
