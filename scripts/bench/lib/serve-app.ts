/**
 * For browser benchmarks: builds the app if the build is stale, serves it with `next start`
 * on a free port against the given database, and measures pages in Chromium.
 */
import type { Browser } from "playwright-core";
import { chromiumPath, launchChromium as launch } from "../../lib/chromium";
import { runContentSync } from "../../lib/content-sync-runner";
import { serveBuiltApp, type RunningApp } from "../../lib/next-app";
import { benchDatabase } from "./bench-db";

/** BENCH_PROFILE=<dir> writes a CPU profile of the app server there (open it in Chrome DevTools). */
export function serveApp(databaseUrl: string): Promise<RunningApp> {
  const profile = process.env.BENCH_PROFILE;
  return serveBuiltApp({
    databaseUrl,
    secret: "bench-secret-bench-secret-bench-secret-0123",
    label: "bench",
    nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [],
  });
}

/** Chromium, or null when the machine has none (the bench then skips its browser figures). */
export async function launchChromium(): Promise<Browser | null> {
  return chromiumPath ? launch() : null;
}

export interface PageWeight {
  scriptBytes: number;
  totalBytes: number;
  scripts: { url: string; bytes: number }[];
}

/** Bytes on the wire (compressed) for a first load of `url`, scripts apart. */
export async function measurePage(browser: Browser, url: string, afterLoad?: (page: import("playwright-core").Page) => Promise<void>): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map<string, { url: string; type: string }>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: "networkidle" });
  if (afterLoad) await afterLoad(page);
  await page.waitForTimeout(300);
  const scripts: { url: string; bytes: number }[] = [];
  let total = 0;
  for (const [id, bytes] of sizes) {
    total += bytes;
    const info = types.get(id);
    if (info?.type === "Script") scripts.push({ url: info.url, bytes });
  }
  await context.close();
  return { scriptBytes: scripts.reduce((a, s) => a + s.bytes, 0), totalBytes: total, scripts };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The set-up every browser benchmark shares: a throwaway database with the content, the built
 * app served on it, and Chromium; `measure` runs with them, and everything stops afterwards.
 * Without Chromium it says so and measures nothing.
 */
export async function withAppInBrowser(measure: (browser: Browser, baseUrl: string) => Promise<void>): Promise<void> {
  const database = await benchDatabase();
  let app: RunningApp | undefined;
  let browser: Browser | null = null;
  try {
    await runContentSync(database.url, { quiet: true });
    app = await serveApp(database.url);
    browser = await launchChromium();
    if (!browser) {
      console.log("No Chromium found (install Debian's chromium or set CHROMIUM_PATH): nothing measured.");
      return;
    }
    await measure(browser, app.baseUrl);
  } finally {
    await browser?.close();
    await app?.stop();
    await database.close();
  }
}
