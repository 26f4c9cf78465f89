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

/** Runs one statement of a transaction and returns how many rows it wrote. */
export type Execute = (statement: Prisma.Sql) => Promise<number>;

/** The executor of a Prisma transaction, for the bulk writes that also run in `rawTransaction`. */
export const prismaExecute =
  (tx: Prisma.TransactionClient): Execute =>
  (statement) =>
    tx.$executeRaw(statement);

/**
 * Thrown by a `rawTransaction`'s work to roll it back on purpose (an import that found bad lines
 * after writing some): the connection is fine and goes back to the pool; `value` is the answer.
 */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back");
  }
}

/**
 * A transaction of plain statements on one connection of the pool, for bulk imports: through
 * Prisma, each statement's array parameters cost ~10 µs a row of event-loop CPU (0.6 s of a
 * 60,000-line CSV, during which other requests waited), through pg ~3 µs. Committed when
 * `work` resolves, rolled back when it throws.
 */
export async function rawTransaction<T>(work: (execute: Execute) => Promise<T>): Promise<T> {
  const client = await connection.pool.connect();
  const execute: Execute = async (statement) => {
    const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return (await client.query({ text: statement.text, values })).rowCount ?? 0;
  };
  let broken: unknown;
  try {
    await client.query("BEGIN");
    const result = await work(execute);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    // A connection whose ROLLBACK failed (the server went away) is destroyed, not reused.
    client.release(broken instanceof Error && !isQueryError(broken) && !(broken instanceof Rollback) ? broken : undefined);
  }
}

/** An error PostgreSQL answered (the connection is fine) rather than a broken connection. */
function isQueryError(error: Error): boolean {
  return "code" in error && typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code);
}
