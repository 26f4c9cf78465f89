/**
 * Whether an error means "PostgreSQL cannot be reached right now" (down, restarting, the
 * connection killed), as opposed to a bug or a bad request. Such requests answer 503 with
 * Retry-After: the client may send the same request again and lose nothing.
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown: terminated by pg_terminate_backend or a restart
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting up or shutting down
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server has closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
  // The kinds @prisma/adapter-pg gives socket errors (ECONNRESET becomes "ConnectionClosed"
  // and loses its code): they arrive as the `cause` of a DriverAdapterError.
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|not queryable|connect ECONNREFUSED|Connection refused|server (has )?closed the connection|the database system is (starting up|shutting down)|Can't reach database server|timeout exceeded when trying to connect/i;

export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  "PaperDeck can't reach its database right now. Nothing was lost: try again in a few seconds.";

export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, UNAVAILABLE_CODES, UNAVAILABLE_MESSAGES);
}

const INVALID_TEXT_CODES = new Set(["22021", "22P05"]);
const INVALID_TEXT_MESSAGES = /invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/i;

export const INVALID_TEXT_MESSAGE = "Text may not contain NUL characters or broken Unicode. Nothing was saved.";

/**
 * Whether PostgreSQL refused a text value (a NUL byte, which no PostgreSQL text may hold, or
 * a lone surrogate). The statement failed as a whole, so nothing was written: a 400, not a 500.
 * Inputs are validated before they get here; this is the net under every one of them.
 */
export function isInvalidText(error: unknown): boolean {
  return someCause(error, INVALID_TEXT_CODES, INVALID_TEXT_MESSAGES);
}

function someCause(error: unknown, codes: Set<string>, messages: RegExp): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, cause, originalCode, kind, meta } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof code === "string" && codes.has(code)) return true;
    if (typeof kind === "string" && codes.has(kind)) return true;
    // A Prisma error keeps the driver adapter's error in meta, not in cause.
    if (meta?.driverAdapterError && someCause(meta.driverAdapterError, codes, messages)) return true;
    if (typeof originalCode === "string" && codes.has(originalCode)) return true;
    if (typeof message === "string" && messages.test(message)) return true;
    // AggregateError (several addresses refused) and Prisma's driver-adapter wrappers.
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested) && nested.some((e) => someCause(e, codes, messages))) return true;
    current = cause;
  }
  return false;
}
