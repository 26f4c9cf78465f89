/** A response does not have the shape its question type expects (tampered or buggy client). */
export class MalformedResponseError extends Error {
  override readonly name = "MalformedResponseError";
  constructor(
    readonly questionType: string,
    readonly response: unknown,
    reason: string,
  ) {
    super(`Malformed ${questionType} response: ${reason} (got ${safeJson(response)})`);
  }
}

/** A question cannot be scored or shown (its answer does not fit its choices, …). */
export class InvalidQuestionError extends Error {
  override readonly name = "InvalidQuestionError";
  constructor(
    readonly questionKey: string | undefined,
    reason: string,
  ) {
    super(`Invalid question${questionKey ? ` "${questionKey}"` : ""}: ${reason}`);
  }
}

/** The quiz cannot be assembled as asked (bad length, duplicate question keys, …). */
export class QuizAssemblyError extends Error {
  override readonly name = "QuizAssemblyError";
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field}: ${reason} (got ${safeJson(value)})`);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
