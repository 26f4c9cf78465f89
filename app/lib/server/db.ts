import "#server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/app/generated/prisma/client";
import { env } from "./env";

/**
 * The one Prisma client and its pg pool. Cached on globalThis, in production too: each of
 * Next's server bundles (App Router, Pages API, instrumentation) evaluates this module on its
 * own, and without the cache each made a pool of its own. The password hash is omitted from
 * every query unless a caller asks for it.
 */
function createClient() {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    // While PostgreSQL is down a request fails fast (503) instead of waiting for a connection.
    connectionTimeoutMillis: 3_000,
  });
  // An idle connection killed by the server (a restart, pg_terminate_backend) emits "error" on
  // the pool; without a listener that is an uncaught exception. The pool drops the connection
  // and opens a new one on the next query, so a line in the log is all it needs.
  pool.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  // The pool is the adapter's to close: $disconnect() still ends every connection.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  return { pool, client };
}

type Connection = ReturnType<typeof createClient>;
export type Db = Connection["client"];

declare global {
  var paperdeckDb: Connection | undefined;
}

const connection: Connection = (globalThis.paperdeckDb ??= createClient());

export const db: Db = connection.client;

const TIMESTAMP_OID = 1114;
/** Read `timestamp` columns as UTC, as Prisma does (pg's default reads them as local time). */
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const utcTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary"): unknown =>
    oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format),
};

/**
 * Runs a `Prisma.sql` statement on the same pool without Prisma's query pipeline, for the
 * answer, the one request hot enough for its per-query cost to count (about a tenth of the
 * request's CPU). Dates are sent as UTC text, so `timestamp` columns hold UTC as Prisma's do.
 */
export async function rawRows<T>(query: Prisma.Sql): Promise<T[]> {
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await connection.pool.query({ text: query.text, values, types: utcTypes });
  return result.rows as T[];
}
