import "#server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  INVALID_TEXT_MESSAGE,
  isDatabaseUnavailable,
  isInvalidText,
  RETRY_AFTER_SECONDS,
} from "../db-errors";
import { AppError, TooManyRequestsError } from "../errors";
import { checkSameOrigin, isStateChanging, mediaType } from "../http/same-origin";
import { getSessionUser, type SessionUser } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; fieldErrors?: Record<string, string[]> };

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function failure(error: unknown): { ok: false; status: number; error: string } {
  if (error instanceof AppError) return { ok: false, status: error.status, error: error.message };
  if (isDatabaseUnavailable(error)) return { ok: false, status: 503, error: DATABASE_UNAVAILABLE_MESSAGE };
  if (isInvalidText(error)) return { ok: false, status: 400, error: INVALID_TEXT_MESSAGE };
  console.error(error);
  return { ok: false, status: 500, error: "Something went wrong on our side. Nothing was saved." };
}

/**
 * Every server action that touches a user's data is built with this: it checks the session
 * itself (middleware is never the guard), validates the input with zod, and turns typed errors
 * into results a form can show. The handler gets the signed-in user, never an id from input.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (user: SessionUser, input: z.infer<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const refused = await crossSiteAction();
      if (refused) return refused;
      const user = await getSessionUser();
      if (!user) return { ok: false, status: 401, error: "Sign in to do this." };
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, status: 400, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      }
      return { ok: true, data: await handler(user, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}

/**
 * Next checks a server action's Origin against Host or X-Forwarded-Host, which a client can
 * write, and accepts a post with no Origin at all; every action checks it again here.
 */
async function crossSiteAction(): Promise<{ ok: false; status: number; error: string } | null> {
  const verdict = checkSameOrigin(await headers());
  return verdict.ok ? null : { ok: false, status: 403, error: verdict.reason };
}

/** The same for actions open to everyone (sign-up): validation and typed errors only. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const refused = await crossSiteAction();
      if (refused) return refused;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, status: 400, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      }
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}

export function jsonError(status: number, error: string, extra?: Record<string, unknown>, headers?: HeadersInit) {
  return Response.json({ error, ...extra }, { status, headers });
}

type RouteContext<P> = { params: Promise<P> };

export interface RouteOptions {
  /**
   * The media types a state-changing request may carry; "" stands for no body. A cross-site
   * form can only send urlencoded, multipart or text/plain bodies, so a route that insists on
   * its own type cannot be driven by one even where the Origin check is bypassed.
   */
  accepts?: readonly string[];
}

/** The answer for a failed request: its typed status, 503 while the database is away, else 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof TooManyRequestsError) {
    return jsonError(429, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof AppError) return jsonError(error.status, error.message);
  if (isInvalidText(error)) return jsonError(400, INVALID_TEXT_MESSAGE);
  if (isDatabaseUnavailable(error)) {
    return jsonError(503, DATABASE_UNAVAILABLE_MESSAGE, undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  console.error(error);
  return jsonError(500, "Something went wrong on our side. Nothing was saved.");
}

/** Refuses a state-changing request from another site or with the wrong body type. */
export function refuseCrossSite(request: Request, options: RouteOptions = {}): Response | null {
  if (!isStateChanging(request.method)) return null;
  const verdict = checkSameOrigin(request.headers);
  if (!verdict.ok) return jsonError(403, verdict.reason);
  if (options.accepts) {
    const type = mediaType(request.headers);
    if (!options.accepts.includes(type)) {
      const wanted = options.accepts.map((t) => t || "no body").join(" or ");
      return jsonError(415, `Send this request as ${wanted}${type ? `, not ${type}` : ""}.`);
    }
  }
  return null;
}

/**
 * Route handlers that need a user: 403 cross-site, 401 without a session, typed errors as
 * their status, 503 while the database cannot be reached (the session read included).
 */
export function withUser<P = Record<string, string>>(
  handler: (request: Request, user: SessionUser, context: RouteContext<P>) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const refused = refuseCrossSite(request, options);
      if (refused) return refused;
      const user = await getSessionUser();
      if (!user) return jsonError(401, "Sign in to do this.");
      return await handler(request, user, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
