/**
 * Refreshes docs/screenshot.png (the README's picture): the library and a note, side by side
 * in one image is overkill, so it takes the library at a laptop width.
 * Usage: npx tsx scripts/screenshot.ts (needs Chromium; builds the app if stale).
 */
import path from "node:path";
import { benchDatabase } from "./bench/lib/bench-db";
import { launchChromium, serveApp } from "./bench/lib/serve-app";
import { runContentSync } from "./lib/content-sync-runner";

async function main() {
  const db = await benchDatabase();
  await runContentSync(db.url, { quiet: true });
  const browser = await launchChromium();
  if (!browser) throw new Error("no Chromium");
  const app = await serveApp(db.url);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${app.baseUrl}/papers/moco`, { waitUntil: "networkidle" });
    await page.screenshot({ path: path.resolve("docs/screenshot-note.png") });
    await page.goto(`${app.baseUrl}/`, { waitUntil: "networkidle" });
    await page.screenshot({ path: path.resolve("docs/screenshot.png") });
  } finally {
    await browser.close();
    await app.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
