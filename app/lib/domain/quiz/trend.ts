export interface ScoreTrend {
  /** Least-squares slope of the scores against the attempt number (score points per attempt). */
  slope: number;
  /** Last score minus first score. */
  change: number;
  /** "up" or "down" when the slope is at least `flatBelow` either way, else "flat". */
  direction: "up" | "down" | "flat";
}

/**
 * The trend of a quiz's scores (0..1, oldest first):
 * $$\text{slope} = \frac{\sum_i (i - \bar{i})(s_i - \bar{s})}{\sum_i (i - \bar{i})^2}$$
 * over attempt numbers i = 0..n-1. Fewer than two scores: flat, 0.
 */
export function scoreTrend(scores: readonly number[], flatBelow = 0.02): ScoreTrend {
  const n = scores.length;
  if (n < 2) return { slope: 0, change: 0, direction: "flat" };
  const meanI = (n - 1) / 2;
  const meanS = scores.reduce((sum, s) => sum + s, 0) / n;
  let num = 0;
  let den = 0;
  scores.forEach((s, i) => {
    num += (i - meanI) * (s - meanS);
    den += (i - meanI) ** 2;
  });
  const slope = num / den;
  const change = (scores[n - 1] ?? 0) - (scores[0] ?? 0);
  const direction = slope >= flatBelow ? "up" : slope <= -flatBelow ? "down" : "flat";
  return { slope, change, direction };
}
