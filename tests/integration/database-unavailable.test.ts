import pg from "pg";
import { db } from "@/app/lib/server/db";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isInvalidText } from "@/app/lib/server/db-errors";
import { freePort } from "@/scripts/lib/embedded-postgres";

/** The errors PostgreSQL and pg really raise when the database goes away, not hand-made ones. */
describe("telling 'the database is away' from a bug", () => {
  it("the database down means 503: a refused connection is recognised", async () => {
    const port = await freePort();
    const pool = new pg.Pool({ host: "127.0.0.1", port, user: "x", password: "x", database: "x", connectionTimeoutMillis: 1000 });
    pool.on("error", () => {});
    const error: unknown = await pool.query("SELECT 1").catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("the database down means 503: a connection killed by the server is recognised", async () => {
    const victim = new pg.Client({ connectionString: process.env.DATABASE_URL });
    victim.on("error", () => {});
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    await killer.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await killer.end();
    const error: unknown = await victim.query("SELECT 1").catch((e: unknown) => e);
    await victim.end().catch(() => {});
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("does not take a real query error for an outage", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const error: unknown = await client.query("SELECT * FROM no_such_table").catch((e: unknown) => e);
    await client.end();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});

describe("text PostgreSQL cannot hold", () => {
  it("a NUL byte in text reaching PostgreSQL is told apart as bad input, not an outage", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const error: unknown = await client.query("SELECT $1::text", ["a\u0000b"]).catch((e: unknown) => e);
    await client.end();
    expect(isInvalidText(error), String(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("recognises the same refusal wrapped by Prisma's driver adapter", async () => {
    const error: unknown = await db.user.findUnique({ where: { email: "a\u0000b@example.test" } }).catch((e: unknown) => e);
    expect(isInvalidText(error), String(error)).toBe(true);
  });
});
