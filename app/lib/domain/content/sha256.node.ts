import { createHash } from "node:crypto";

/** SHA-256 of a string's UTF-8 bytes, hex (Node's crypto; the browser build is sha256.browser.ts). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
