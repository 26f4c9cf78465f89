/**
 * For browser benchmarks: builds the app if the build is stale, serves it with `next start`
 * on a free port against the given database, and measures pages in Chromium.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "../../lib/embedded-postgres";
import { newestSourceTime } from "../../lib/source-times";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");

export async function serveApp(databaseUrl: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  };
  const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
  const marker = path.join(distDir, "BUILD_ID");
  if (!existsSync(marker) || newestSourceTime(ROOT) > statSync(marker).mtimeMs) {
    console.log("building the app (next build)…");
    const build = spawnSync(NEXT, ["build"], { cwd: ROOT, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (c: Buffer) => /Ready/i.test(c.toString()) && resolve());
    server.on("exit", (code) => reject(new Error(`next start exited with ${code}`)));
  });
  return {
    baseUrl,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

export async function launchChromium(): Promise<Browser | null> {
  const exe = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));
  if (!exe) return null;
  return chromium.launch({
    executablePath: exe,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
