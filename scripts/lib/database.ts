/**
 * Which PostgreSQL the command-line entry points use: DATABASE_URL when it is set, otherwise
 * the embedded development cluster under .data/postgres (started here, stopped at the end).
 */
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

export const DATA_DIR = path.resolve(import.meta.dirname, "..", "..", ".data");

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

function describe(url: string) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
}

/** Fails with a message a person can act on instead of a driver stack trace. */
export async function assertReachable(url: string, source: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at ${describe(url)} (${source}): ${reason}.\n` +
        (source === "DATABASE_URL"
          ? "Start that server or fix DATABASE_URL, or unset DATABASE_URL to use the embedded database."
          : "Delete .data/postgres to start from an empty embedded database."),
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts (or attaches to) the database for a long-running process such as `npm run dev`. */
export async function openDatabase(): Promise<RunningDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    await assertReachable(fromEnv, "DATABASE_URL");
    return { url: fromEnv, stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres") });
  await assertReachable(db.url, "embedded database in .data/postgres");
  return db;
}

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}
