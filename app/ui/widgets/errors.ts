/**
 * A widget input that the maths cannot accept (a patch size that does not divide the
 * image, a temperature ≤ 0). Views catch it and show `message` instead of a picture.
 */
export class WidgetInputError extends Error {
  override readonly name = "WidgetInputError";
  constructor(
    message: string,
    readonly parameter: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** Throws a `WidgetInputError` naming `parameter` unless `condition` holds. */
export function requireInput(
  condition: boolean,
  parameter: string,
  value: unknown,
  message: string,
): asserts condition {
  if (!condition) throw new WidgetInputError(message, parameter, value);
}
