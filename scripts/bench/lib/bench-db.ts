import pg from "pg";
import { applyMigrations } from "../../../prisma/schema-engine";
import { runContentSync } from "../../lib/content-sync-runner";
import { startThrowawayPostgres } from "../../lib/embedded-postgres";

/** A throwaway, migrated embedded PostgreSQL for a benchmark run. */
export async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const db = await startThrowawayPostgres("paperdeck-bench");
  await applyMigrations(db.url);
  return { url: db.url, close: db.stop };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

/**
 * The set-up the data benchmarks share: a throwaway database with the content synced, the app's
 * environment pointed at it (DATABASE_URL, a NEXTAUTH_SECRET the env check accepts), and a
 * client of its own; `run` gets both, and the client and database stop afterwards.
 */
export async function withBenchDatabase<T>(run: (database: { url: string; client: pg.Client }) => Promise<T>): Promise<T> {
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  client.on("error", (error) => console.error("bench database connection:", error.message));
  await client.connect();
  try {
    await runContentSync(database.url, { quiet: true });
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
    return await run({ url: database.url, client });
  } finally {
    await client.end();
    await database.close();
  }
}
