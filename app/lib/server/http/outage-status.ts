/**
 * A page that fails because PostgreSQL cannot be reached answers 503 with Retry-After, like
 * the routes do, instead of the 500 Next gives every page whose render threw: a load balancer
 * or a client must be able to tell "try again shortly" from a bug.
 *
 * Next has no way for a page to choose its status, so the production server (scripts/server.ts)
 * runs each request inside an AsyncLocalStorage store, Next's `onRequestError` hook
 * (instrumentation.ts) marks the store when the error was the database being away, and the
 * server turns that request's 500 into a 503 as its head is written. The store lives on
 * globalThis: the server and Next's instrumentation bundle load this module separately.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db-errors";

export interface RequestOutcome {
  databaseUnavailable: boolean;
}

const KEY = Symbol.for("paperdeck.request-outcome");

function outcomes(): AsyncLocalStorage<RequestOutcome> {
  const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestOutcome> };
  return (holder[KEY] ??= new AsyncLocalStorage<RequestOutcome>());
}

/** For Next's onRequestError: remembers that this request failed for lack of the database. */
export function noteRequestError(error: unknown): void {
  const store = outcomes().getStore();
  if (store && isDatabaseUnavailable(error)) store.databaseUnavailable = true;
}

/**
 * Runs `handle` for one request; if it answers 500 after an error that was the database being
 * away, the status becomes 503 with Retry-After (set before the head leaves, so nothing else
 * of the answer changes: the page still shows its error boundary and DatabaseNotice).
 */
export function withOutageStatus<T>(response: ServerResponse, handle: () => T): T {
  const store: RequestOutcome = { databaseUnavailable: false };
  const writeHead = response.writeHead.bind(response) as (
    status: number,
    ...rest: unknown[]
  ) => ServerResponse;
  const patched = (status: number, ...rest: unknown[]) => {
    if (status === 500 && store.databaseUnavailable) {
      response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead(503, ...rest);
    }
    return writeHead(status, ...rest);
  };
  response.writeHead = patched;
  return outcomes().run(store, handle);
}
