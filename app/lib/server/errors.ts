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

export class BadRequestError extends AppError {
  override name = "BadRequestError";
  constructor(message: string) {
    super(message, 400);
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
