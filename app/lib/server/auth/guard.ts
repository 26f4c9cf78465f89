import "#server-only";
import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import { z } from "zod";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  INVALID_TEXT_MESSAGE,
  isDatabaseUnavailable,
  isInvalidText,
  RETRY_AFTER_SECONDS,
} from "../db-errors";
import type { QuizOwner } from "../data/quiz-attempts";
import { AppError, BadRequestError, InvalidInputError, NotFoundError, TooManyRequestsError, UnauthorizedError } from "../errors";
import { checkSameOrigin, isStateChanging, mediaType } from "../http/same-origin";
import { actingQuizOwner, readQuizOwner } from "./quiz-owner";
import { matchServerMessage } from "@/app/lib/domain/i18n/server-message";
import en from "@/messages/en.json";
import { localizeFailure } from "../i18n/server-message";
import { getSessionUser, type SessionUser } from "./session";
import { readSessionClaims, type SessionClaims } from "./session-token";

/*
 * The guard. Every server action (`lib/server/actions/*`) and every route handler
 * (`app/api/**\/route.ts`) is built by one of these wrappers, which says who may call it;
 * tests/unit/auth/guard-coverage.test.ts fails for an export built any other way.
 *
 *   who may call                         action          route handler
 *   a signed-in user                     authedAction    withUser
 *   the quiz's owner: user or guest      quizAction      withQuizOwner
 *   anyone, told whether signed in       -               withOptionalUser
 *   anyone                               publicAction    withPublic
 *   a session's claims, checked in the
 *   handler's own read (the answer)      -               withSessionClaims
 *
 * Every wrapper refuses a state-changing request from another site (403), validates what it is
 * given with zod (an action's argument; a route's params and, with `accepts`, its body's media
 * type) and turns a throw into its answer: an `AppError` its status and message, 503 while the
 * database cannot be reached, 400 for text PostgreSQL cannot store, anything else a logged 500.
 */

const SERVER_FAULT = "Something went wrong on our side. Nothing was saved.";
const NO_SUCH_QUIZ = "There is no such quiz.";

// ---------------------------------------------------------------- server actions

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

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error));
  return parsed.data;
}

function failure(error: unknown): { ok: false; status: number; error: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof InvalidInputError) return { ok: false, status: 400, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, status: error.status, error: error.message };
  if (isDatabaseUnavailable(error)) return { ok: false, status: 503, error: DATABASE_UNAVAILABLE_MESSAGE };
  if (isInvalidText(error)) return { ok: false, status: 400, error: INVALID_TEXT_MESSAGE };
  console.error(error);
  return { ok: false, status: 500, error: SERVER_FAULT };
}

/**
 * What every action does around its own steps. Next checks a server action's Origin against
 * Host or X-Forwarded-Host, which a client can write, and accepts a post with no Origin at
 * all; every action checks it again here, before anything else runs.
 */
function guardedAction<T>(run: (input: unknown) => Promise<T>): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const verdict = checkSameOrigin(await headers());
      if (!verdict.ok) return await localizeFailure({ ok: false as const, status: 403, error: verdict.reason });
      return { ok: true, data: await run(input) };
    } catch (error) {
      // Actions answer the app's own forms: in the reader's language (route handlers keep English).
      return localizeFailure(failure(error));
    }
  };
}

/**
 * An action on the signed-in user's data: 401 without a valid session, then the input checked
 * with zod. The handler gets the user, never an id from the input.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (user: SessionUser, input: z.output<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return guardedAction(async (input) => {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError();
    return handler(user, parseInput(schema, input));
  });
}

/**
 * An action on quizzes, which guests take too: the handler gets the owner, the signed-in user
 * or the guest of the cookie (a user still holding a guest token claims it first). Without
 * either, 404, since nothing can be theirs; with `startGuest` the visitor becomes a guest
 * instead. The input is checked before, so an invalid start makes no guest.
 */
export function quizAction<S extends z.ZodType, T>(
  schema: S,
  handler: (owner: QuizOwner, input: z.output<S>) => Promise<T>,
  options: { startGuest?: boolean } = {},
): (input: unknown) => Promise<ActionResult<T>> {
  return guardedAction(async (input) => {
    const parsed = parseInput(schema, input);
    const owner = await actingQuizOwner({ startGuest: options.startGuest ?? false });
    if (!owner) throw new NotFoundError(NO_SUCH_QUIZ);
    return handler(owner, parsed);
  });
}

/** An action open to everyone and owned by no one (sign-up): the same checks, no session. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return guardedAction(async (input) => handler(parseInput(schema, input)));
}

// ---------------------------------------------------------------- route handlers

/**
 * An error answer: `error` in English for API clients, and the message's code (with its
 * arguments) when the serverMessages catalogue knows it, so the app's own pages can say it in
 * the reader's language (useServerError).
 */
export function jsonError(status: number, error: string, extra?: Record<string, unknown>, headers?: HeadersInit) {
  const known = matchServerMessage(en.serverMessages, error);
  const code = known ? { code: known.code, ...(Object.keys(known.args).length ? { args: known.args } : {}) } : {};
  return Response.json({ error, ...code, ...extra }, { status, headers });
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
  return jsonError(500, SERVER_FAULT);
}

const NO_PARAMS = z.object({});

export interface RouteOptions<S extends z.ZodType = typeof NO_PARAMS> {
  /**
   * The media types a state-changing request may carry; "" stands for no body. A cross-site
   * form can only send urlencoded, multipart or text/plain bodies, so a route that insists on
   * its own type cannot be driven by one even where the Origin check is bypassed.
   */
  accepts?: readonly string[];
  /** The route's dynamic segments: a value that fails answers 400 with the schema's message. */
  params?: S;
}

export interface PublicRouteOptions<S extends z.ZodType = typeof NO_PARAMS> extends RouteOptions<S> {
  /**
   * Set only where the route checks a CSRF token of its own instead of the Origin (next-auth's
   * endpoints, which non-browser clients post to without an Origin): says which.
   */
  ownCsrfCheck?: string;
}

/** What Next hands a route handler besides the request: the dynamic segments, when there are any. */
type RouteContext = { params?: Promise<unknown> };

type RouteHandler<W, S extends z.ZodType> = (request: NextRequest, who: W, params: z.output<S>) => Response | Promise<Response>;

/** Refuses a state-changing request from another site (403) or with the wrong body type (415). */
function refuseCrossSite(request: Request, options: RouteOptions<z.ZodType>): Response | null {
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

async function parseParams<S extends z.ZodType>(schema: S | undefined, context: RouteContext | undefined): Promise<z.output<S>> {
  const parsed = (schema ?? NO_PARAMS).safeParse((await context?.params) ?? {});
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]?.message ?? "This address is malformed.");
  // Without a schema S is its default, NO_PARAMS, whose output this is.
  return parsed.data as z.output<S>;
}

/**
 * The steps of every route handler: refuse another site, find who is asking (`resolve` throws
 * an AppError to refuse them), validate the params, run the handler, map a throw to its status.
 */
function guardedRoute<W, S extends z.ZodType>(
  resolve: (request: NextRequest) => Promise<W>,
  handler: RouteHandler<W, S>,
  options: PublicRouteOptions<S>,
) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      if (!options.ownCsrfCheck) {
        const refused = refuseCrossSite(request, options);
        if (refused) return refused;
      }
      const who = await resolve(request);
      return await handler(request, who, await parseParams(options.params, context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route on the signed-in user's data: 401 without a valid session (version and revocation checked). */
export function withUser<S extends z.ZodType = typeof NO_PARAMS>(handler: RouteHandler<SessionUser, S>, options: RouteOptions<S> = {}) {
  return guardedRoute(async () => {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError();
    return user;
  }, handler, options);
}

/** A route that answers everyone and tells a signed-in user their own part: the user or null. */
export function withOptionalUser<S extends z.ZodType = typeof NO_PARAMS>(handler: RouteHandler<SessionUser | null, S>, options: RouteOptions<S> = {}) {
  return guardedRoute(() => getSessionUser(), handler, options);
}

/** A quiz route, read-only: the owner (user or guest of the cookie); 404 without one. Claims nothing. */
export function withQuizOwner<S extends z.ZodType = typeof NO_PARAMS>(handler: RouteHandler<QuizOwner, S>, options: RouteOptions<S> = {}) {
  return guardedRoute(async () => {
    const owner = await readQuizOwner();
    if (!owner) throw new NotFoundError(NO_SUCH_QUIZ);
    return owner;
  }, handler, options);
}

/** A route for anyone that reads no session (health, next-auth's own endpoints). */
export function withPublic<S extends z.ZodType = typeof NO_PARAMS>(
  handler: (request: NextRequest, params: z.output<S>) => Response | Promise<Response>,
  options: PublicRouteOptions<S> = {},
) {
  return guardedRoute(() => Promise.resolve(null), (request, _who, params) => handler(request, params), options);
}

/**
 * A route whose handler checks the session itself, inside its own first database read: it gets
 * the claims of a genuine session cookie (one decrypt with the cached key, no database read
 * here), 401 without. For the answer route, where the extra read of `withUser` is most of the
 * cost; what it hands the claims to must compare their session version and revocation (as
 * `answerCard` does, and its signature requires them).
 */
export function withSessionClaims<S extends z.ZodType = typeof NO_PARAMS>(handler: RouteHandler<SessionClaims, S>, options: RouteOptions<S> = {}) {
  return guardedRoute(async (request) => {
    const claims = await readSessionClaims(request);
    if (!claims) throw new UnauthorizedError();
    return claims;
  }, handler, options);
}
