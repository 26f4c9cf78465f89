/**
 * Vitest global setup: a throwaway embedded PostgreSQL in a temporary folder, migrated and
 * loaded with the content, removed at the end. DATABASE_URL, when set, is used instead
 * (it must point to a database the tests may fill).
 */
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/schema-engine";
import { startThrowawayPostgres } from "../../scripts/lib/embedded-postgres";
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
    const db = await startThrowawayPostgres("paperdeck-test");
    url = db.url;
    cleanup = db.stop;
  }
  await applyMigrations(url);
  await runContentSync(url, { quiet: true });
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return cleanup;
}
