/**
 * Vitest global setup: a throwaway embedded PostgreSQL in a temporary folder, migrated and
 * loaded with the content, removed at the end. DATABASE_URL, when set, is used instead
 * (it must point to a database the tests may fill).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/schema-engine";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { runContentSync } from "../../scripts/lib/content-sync-runner";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let cleanup = async () => {};
  if (!url) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-test-"));
    // As root, embedded-postgres runs initdb as a separate user, who must reach the folder.
    await chmod(dir, 0o755);
    const db = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), throwaway: true });
    url = db.url;
    cleanup = async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  await runContentSync(url, { quiet: true });
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return cleanup;
}
