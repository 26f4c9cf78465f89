/**
 * Errors of the scheduling domain. Each names the offending field and value so that logs carry
 * the detail while the user sees the message.
 */

/** A scheduler setting is out of range (retention, steps, weights, …). */
export class SchedulerSettingsError extends Error {
  override readonly name = "SchedulerSettingsError";
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${field}: ${message} (got ${describe(value)})`);
  }
}

/** An argument other than the settings is invalid (a rating, a date, a time zone, a limit). */
export class SchedulingInputError extends Error {
  override readonly name = "SchedulingInputError";
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${field}: ${message} (got ${describe(value)})`);
  }
}

function describe(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
