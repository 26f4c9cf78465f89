/**
 * Refreshes the README's pictures in both languages: the library and a note at a laptop width,
 * docs/screenshot.png and docs/screenshot-note.png in English, docs/screenshot-zh.png and
 * docs/screenshot-note-zh.png in Chinese (the language cookie the header's switch sets; the
 * Chinese note at its own /zh URL). Chinese needs a CJK font on the machine taking them
 * (Debian: fonts-noto-cjk), or it shows boxes; the app itself does not depend on one.
 * Usage: npx tsx scripts/screenshots.ts (needs Chromium; builds the app if stale).
 */
import path from "node:path";
import { LOCALE_COOKIE } from "@/app/lib/domain/i18n/locales";
import { benchDatabase } from "./bench/lib/bench-db";
import { launchChromium, serveApp } from "./bench/lib/serve-app";
import { runContentSync } from "./lib/content-sync-runner";

const SHOTS = [
  { locale: "en", note: "/papers/moco", suffix: "" },
  { locale: "zh-CN", note: "/zh/papers/moco", suffix: "-zh" },
] as const;

async function main() {
  const db = await benchDatabase();
  await runContentSync(db.url, { quiet: true });
  const browser = await launchChromium();
  if (!browser) throw new Error("no Chromium");
  const app = await serveApp(db.url);
  try {
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: shot.locale });
      await context.addCookies([{ name: LOCALE_COOKIE, value: shot.locale, url: app.baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}${shot.note}`, { waitUntil: "networkidle" });
      await page.screenshot({ path: path.resolve(`docs/screenshot-note${shot.suffix}.png`) });
      await page.goto(`${app.baseUrl}/`, { waitUntil: "networkidle" });
      await page.screenshot({ path: path.resolve(`docs/screenshot${shot.suffix}.png`) });
      await context.close();
      console.log(`docs/screenshot${shot.suffix}.png, docs/screenshot-note${shot.suffix}.png (${shot.locale})`);
    }
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
