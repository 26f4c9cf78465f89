/**
 * Vitest global setup for browser tests: a real SMTP server (tests/setup/mail-server.ts) for the
 * app server to send through. It runs before app-server.ts, which passes this process's
 * environment, SMTP_URL included, on to `next start`. Each mail it accepts is written as JSON
 * to a folder the tests read (they run in workers, apart from this process).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startMailServer } from "./mail-server";

declare module "vitest" {
  export interface ProvidedContext {
    mailDir: string;
  }
}

/** A mail as the browser tests read it back. */
export interface StoredMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "paperdeck-e2e-mail-"));
  let count = 0;
  const server = await startMailServer({
    onMail: (mail) => {
      count += 1;
      const stored: StoredMail = {
        to: mail.to,
        subject: mail.parsed.subject ?? "",
        text: mail.parsed.text ?? "",
        html: typeof mail.parsed.html === "string" ? mail.parsed.html : "",
      };
      writeFileSync(path.join(dir, `${String(count).padStart(5, "0")}.json`), JSON.stringify(stored));
    },
  });
  process.env.SMTP_URL = server.url;
  process.env.MAIL_FROM = "PaperDeck <no-reply@paperdeck.test>";
  project.provide("mailDir", dir);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
