/**
 * Every error class of the server, in one place. The `AppError` family is what a user can act
 * on: each carries the HTTP status the guard answers with (`auth/guard.ts` turns a throw of one
 * into its status and message, in routes and actions alike). The others are faults of the
 * installation or of stored data: they are logged and answer 500. Pure domain code keeps its
 * own typed errors (`lib/domain/<area>/errors.ts`), which the server maps where it calls it.
 */

/** Errors a user can act on, each with the HTTP status a route answers with. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class BadRequestError extends AppError {
  override name = "BadRequestError";
  constructor(message: string) {
    super(message, 400);
  }
}

/** An action's input failed its schema: the fields and what is wrong with each, for the form. */
export class InvalidInputError extends BadRequestError {
  override name = "InvalidInputError";
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Check the highlighted fields.");
  }
}

/** No valid session: signed out, the user gone, or the session ended (sign-out, sign out everywhere, a new password). */
export class UnauthorizedError extends AppError {
  override name = "UnauthorizedError";
  constructor(message = "Sign in to do this.") {
    super(message, 401);
  }
}

/** Signed in, but not recently enough for what is asked (deleting an account without a password). */
export class ReauthenticationRequiredError extends AppError {
  override name = "ReauthenticationRequiredError";
  constructor(message: string) {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  constructor(what = "Not found.") {
    super(what, 404);
  }
}

export class ConflictError extends AppError {
  override name = "ConflictError";
  constructor(message: string) {
    super(message, 409);
  }
}

export class TooManyRequestsError extends AppError {
  override name = "TooManyRequestsError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

/** The environment is missing or has a bad value (`env.ts`): the server cannot start. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/** A review log's saved `previous` state (JSON in the database) does not hold a card state. */
export class CorruptPreviousStateError extends Error {
  override name = "CorruptPreviousStateError";
}
