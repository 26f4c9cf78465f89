/**
 * Regression (found by `npm run test:chaos`): a page whose render failed because PostgreSQL
 * was unreachable answered 500, like a bug, while the routes answered 503 with Retry-After.
 * The production server now turns such a page's 500 into a 503 (app/lib/server/http/outage-status.ts,
 * fed by Next's onRequestError in instrumentation.ts). Here the same wiring runs in a real
 * Node HTTP server, with the real error a refused PostgreSQL connection raises.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteRequestError, withOutageStatus } from "@/app/lib/server/http/outage-status";
import { freePort } from "@/scripts/lib/embedded-postgres";

/** What Next does with a page whose render threw: it reports the error, then answers 500. */
function failingPage(error: unknown) {
  return async (_request: http.IncomingMessage, response: http.ServerResponse) => {
    await new Promise((r) => setTimeout(r, 5)); // the render is asynchronous
    noteRequestError(error);
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html");
    response.end("<p>This page could not be shown</p>");
  };
}

async function refusedConnectionError(): Promise<unknown> {
  const pool = new pg.Pool({ host: "127.0.0.1", port: await freePort(), user: "x", password: "x", database: "x" });
  pool.on("error", () => {});
  const error: unknown = await pool.query("SELECT 1").catch((e: unknown) => e);
  await pool.end();
  return error;
}

describe("pages answer 503, not 500, while the database is unreachable", () => {
  let server: http.Server;
  let base = "";
  const handlers = new Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>>();

  beforeAll(async () => {
    handlers.set("/down", failingPage(await refusedConnectionError()));
    handlers.set("/bug", failingPage(new TypeError("x is undefined")));
    handlers.set("/ok", (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("fine");
      return Promise.resolve();
    });
    server = http.createServer((request, response) => {
      void withOutageStatus(response, () => handlers.get(request.url ?? "")?.(request, response));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));


  it("a page that failed for lack of the database answers 503 with Retry-After, its body unchanged", async () => {
    const response = await fetch(`${base}/down`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("could not be shown");
  });

  it("a page that failed for another reason still answers 500", async () => {
    const response = await fetch(`${base}/bug`);
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("requests do not share the verdict: an outage on one leaves the next one alone", async () => {
    const [down, ok, bug] = await Promise.all([fetch(`${base}/down`), fetch(`${base}/ok`), fetch(`${base}/bug`)]);
    expect([down.status, ok.status, bug.status]).toEqual([503, 200, 500]);
  });

  it("an error reported outside any request changes nothing", () => {
    expect(() => noteRequestError(new Error("connect ECONNREFUSED 127.0.0.1:1"))).not.toThrow();
  });
});
