import "#server-only";
import type { z } from "zod";
import { AppError, TooManyRequestsError } from "../errors";
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
    const user = await getSessionUser();
    if (!user) return { ok: false, status: 401, error: "Sign in to do this." };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, status: 400, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    }
    try {
      return { ok: true, data: await handler(user, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** The same for actions open to everyone (sign-up): validation and typed errors only. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, status: 400, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    }
    try {
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

/** Route handlers that need a user: 401 without a session, typed errors as their status. */
export function withUser<P = Record<string, string>>(
  handler: (request: Request, user: SessionUser, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const user = await getSessionUser();
    if (!user) return jsonError(401, "Sign in to do this.");
    try {
      return await handler(request, user, context);
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        return jsonError(429, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
      }
      if (error instanceof AppError) return jsonError(error.status, error.message);
      console.error(error);
      return jsonError(500, "Something went wrong on our side. Nothing was saved.");
    }
  };
}
