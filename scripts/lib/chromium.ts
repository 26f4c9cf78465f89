/**
 * Debian's Chromium driven by playwright-core (the browser cannot be downloaded here), with
 * the flags that keep it from reaching for the network at start.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
export const chromiumPath = candidates.find((p): p is string => Boolean(p && existsSync(p)));

/** A headless Chromium with a fresh profile (playwright makes one per launch). */
export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error("No Chromium found: install Debian's `chromium` or set CHROMIUM_PATH.");
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
