/** A statistics input is invalid (a negative horizon, a stability of 0, …). */
export class StatsInputError extends Error {
  override readonly name = "StatsInputError";
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field}: ${reason} (got ${String(value)})`);
  }
}
