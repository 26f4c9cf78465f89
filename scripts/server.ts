/**
 * The production server (`npm start`, the browser tests, the load suites): Next's request
 * handler behind Node's own HTTP server, so that the client's address comes from the socket
 * (and from X-Forwarded-For only as far as TRUSTED_PROXIES allows), never from a header the
 * client wrote. `next start` cannot do this: it keeps a client-sent X-Forwarded-For as is.
 *
 *   node --import tsx scripts/server.ts -p <port> [-H <host>]
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "../app/lib/domain/client-address";
import { withOutageStatus } from "../app/lib/server/http/outage-status";

const ROOT = path.resolve(import.meta.dirname, "..");

function option(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main() {
  const port = Number(option("-p", process.env.PORT ?? "3000"));
  const hostname = option("-H", "0.0.0.0");
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, dir: ROOT, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      request.socket.remoteAddress,
      trustedProxies,
    );
    // A page that failed because PostgreSQL is away answers 503, not 500 (see outage-status.ts).
    void withOutageStatus(response, () => handle(request, response));
  });
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
