/**
 * Regression (found by `npm run test:chaos`): GET /api/health answered 500 when PostgreSQL
 * reset a connection under a Prisma query. @prisma/adapter-pg turns ECONNRESET into a
 * DriverAdapterError of kind "ConnectionClosed" (the code is lost) and Prisma reports
 * "Server has closed the connection.", which isDatabaseUnavailable did not know: a 500
 * instead of a 503. Here a server speaking just enough of PostgreSQL's protocol accepts the
 * connection and resets it on the first query, so the error is the real one.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/app/generated/prisma/client";
import { isDatabaseUnavailable } from "@/app/lib/server/db-errors";

/** AuthenticationOk then ReadyForQuery (idle): the client believes it is connected. */
const HANDSHAKE = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49]);

function resettingServer(): net.Server {
  return net.createServer((socket) => {
    let greeted = false;
    socket.on("data", () => {
      if (!greeted) {
        greeted = true;
        socket.write(HANDSHAKE);
      } else {
        socket.resetAndDestroy(); // a TCP RST: the client sees ECONNRESET
      }
    });
    socket.on("error", () => {});
  });
}

describe("a connection reset under a query means 503, not 500", () => {
  let server: net.Server;
  let port = 0;

  beforeAll(async () => {
    server = resettingServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("recognises Prisma's ConnectionClosed error from the pg adapter as the database being away", async () => {
    const pool = new pg.Pool({ host: "127.0.0.1", port, user: "x", password: "x", database: "x", max: 1 });
    pool.on("error", () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const error: unknown = await prisma.$queryRaw`SELECT 1`.catch((e: unknown) => e);
    await prisma.$disconnect().catch(() => {});
    await pool.end().catch(() => {});
    expect(String(error)).toMatch(/closed the connection|ConnectionClosed|ECONNRESET/i);
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("recognises pg's own ECONNRESET (the answer route's raw statements)", async () => {
    const pool = new pg.Pool({ host: "127.0.0.1", port, user: "x", password: "x", database: "x", max: 1 });
    pool.on("error", () => {});
    const error: unknown = await pool.query("SELECT 1").catch((e: unknown) => e);
    await pool.end().catch(() => {});
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });
});
