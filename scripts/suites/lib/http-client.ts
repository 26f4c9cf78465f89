/**
 * One simulated user's view of one app instance: its session cookie, the instance's Origin on
 * every state-changing request (the same-origin rule: NEXTAUTH_URL differs per instance), and
 * every request timed into the suite's metrics under an endpoint name.
 */
import { appendFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Metrics } from "./metrics";
import { actionResult, type ActionOutcome, type BuiltAction } from "./server-actions";
import { COOKIE } from "./stack";

export interface Reply {
  /** 0 for a network error or a timeout. */
  status: number;
  text: string;
}

/** Long enough for a page under load; short enough that a hung request is seen as one. */
const REQUEST_TIMEOUT_MS = 20_000;

export class SiteClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly metrics: Metrics,
    private readonly instance: number,
  ) {}

  private async send(endpoint: string, path: string, init: RequestInit): Promise<Reply> {
    const start = performance.now();
    let reply: Reply;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          Cookie: `${COOKIE}=${this.token}`,
          ...(init.headers as Record<string, string> | undefined),
        },
      });
      reply = { status: response.status, text: await response.text() };
    } catch {
      reply = { status: 0, text: "" };
    }
    this.metrics.record({
      endpoint,
      start,
      end: performance.now(),
      status: reply.status,
      instance: this.instance,
    });
    return reply;
  }

  get(endpoint: string, path: string): Promise<Reply> {
    return this.send(endpoint, path, { method: "GET" });
  }

  postJson(endpoint: string, path: string, body: unknown): Promise<Reply> {
    return this.send(endpoint, path, {
      method: "POST",
      headers: { Origin: this.baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  /**
   * Calls a server action. Its HTTP status is 200 whatever the action did, so the status
   * recorded is the one in its result (a 500 inside a 200 is still a server error).
   */
  async action<T>(
    endpoint: string,
    action: BuiltAction,
    page: string,
    input: unknown,
  ): Promise<ActionOutcome<T> | null> {
    const start = performance.now();
    let outcome: ActionOutcome<T> | null = null;
    let status = 0;
    try {
      const response = await fetch(`${this.baseUrl}${page}`, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          Cookie: `${COOKIE}=${this.token}`,
          Origin: this.baseUrl,
          "Next-Action": action.id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
        },
        body: JSON.stringify([input]),
      });
      const text = await response.text();
      outcome = response.ok ? actionResult<T>(text) : null;
      // DEBUG_ACTIONS=<file> keeps the raw answers of actions that gave no result, to see why.
      if (process.env.DEBUG_ACTIONS && outcome === null)
        appendFileSync(
          process.env.DEBUG_ACTIONS,
          `${response.status} ${JSON.stringify([...response.headers])}\n${text}\n----\n`,
        );
      // An answer without a result row is the action failing outside its own error handling.
      status = !response.ok
        ? response.status
        : outcome === null
          ? 500
          : outcome.ok
            ? 200
            : outcome.status;
    } catch {
      status = 0;
    }
    this.metrics.record({
      endpoint,
      start,
      end: performance.now(),
      status,
      instance: this.instance,
    });
    return outcome;
  }
}
