import { predictedRetention } from "@/app/lib/domain/scheduling";

import { StatsInputError } from "./errors";

export interface CurvePoint {
  day: number;
  retention: number;
}

/**
 * The predicted retention of a card with stability S over the next `days` days, one point a
 * day from t = 0 (R = 1) to t = days, with the FSRS-6 forgetting curve (ts-fsrs
 * `forgetting_curve` through the scheduling module; null parameters = defaults):
 * $$R(t) = \left(1 + \text{factor}\cdot\frac{t}{S}\right)^{-\text{decay}},\quad
 *   \text{decay} = w_{20},\ \text{factor} = 0.9^{-1/\text{decay}} - 1$$
 * By construction R(S) = 0.9.
 */
export function forgettingCurve(
  parameters: readonly number[] | null,
  stability: number,
  days: number,
): CurvePoint[] {
  if (!Number.isInteger(days) || days < 0) {
    throw new StatsInputError("days", days, "must be a whole number ≥ 0");
  }
  if (!Number.isFinite(stability) || stability <= 0) {
    throw new StatsInputError("stability", stability, "must be a number > 0");
  }
  return Array.from({ length: days + 1 }, (_, day) => ({
    day,
    retention: predictedRetention(parameters, day, stability),
  }));
}
