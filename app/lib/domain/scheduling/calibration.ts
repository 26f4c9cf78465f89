/**
 * Calibration of FSRS's recall predictions against a user's own answers: for each long-term
 * review (at least a day after the one before), the recall FSRS predicted from the card's
 * earlier answers, and whether the card was recalled (any grade but Again). Binned, predicted
 * against observed, that is the optimizer's calibration chart: a well-fitted model's bins lie
 * on the diagonal.
 */
import { forgettingCurveFor, memoryStepFor } from "./fsrs-adapter";
import type { ReviewRating } from "./types";

/** One answer of a card's history: its grade and the whole days since the answer before (0 for the first). */
export interface HistoryReview {
  rating: ReviewRating;
  deltaT: number;
}

export interface RecallPrediction {
  /** FSRS's recall probability for this review, from the answers before it. */
  predicted: number;
  /** 1 when recalled (Hard, Good or Easy), 0 for Again. */
  recalled: 0 | 1;
}

export interface CalibrationBin {
  /** The bin's bounds of predicted recall, [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean predicted recall of the reviews in the bin. */
  predicted: number;
  /** Share of them recalled. */
  observed: number;
}

/**
 * The prediction for the last review of `history` (a card's answers up to and including it,
 * in order, as the optimizer's training items hold them), or null when that review is not
 * long-term (same day as the one before, or the first answer). The memory state is walked with
 * ts-fsrs's `next_state`; in long-term-only mode a same-day answer leaves it unchanged, as the
 * scheduler does.
 */
export function predictLastReview(
  history: readonly HistoryReview[],
  weights: readonly number[],
  enableShortTerm: boolean,
): RecallPrediction | null {
  const last = history[history.length - 1];
  if (!last || history.length < 2 || last.deltaT < 1) return null;
  const step = memoryStepFor(weights, enableShortTerm);
  let memory: { stability: number; difficulty: number } | null = null;
  for (const review of history.slice(0, -1)) {
    if (memory && review.deltaT === 0 && !enableShortTerm) continue;
    memory = step(memory, review.deltaT, review.rating);
  }
  if (!memory) return null;
  return { predicted: forgettingCurveFor(weights, last.deltaT, memory.stability), recalled: last.rating > 1 ? 1 : 0 };
}

/**
 * `predictions` in `binCount` equal-width bins of predicted recall over [0, 1], empty bins
 * left out: each bin's mean prediction against its observed recall rate.
 */
export function calibrationBins(predictions: readonly RecallPrediction[], binCount = 10): CalibrationBin[] {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binCount must be a positive integer, got ${binCount}`);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, recalled: 0 }));
  for (const { predicted, recalled } of predictions) {
    const bin = sums[Math.min(binCount - 1, Math.max(0, Math.floor(predicted * binCount)))]!;
    bin.count += 1;
    bin.predicted += predicted;
    bin.recalled += recalled;
  }
  return sums.flatMap((s, i) =>
    s.count === 0
      ? []
      : [{ from: i / binCount, to: (i + 1) / binCount, count: s.count, predicted: s.predicted / s.count, observed: s.recalled / s.count }],
  );
}

/**
 * The count-weighted root mean square gap between predicted and observed recall over the
 * bins: $$\sqrt{\sum_b n_b (\bar p_b - \bar y_b)^2 / \sum_b n_b}$$ (the chart's own bins, so not
 * FSRS's RMSE(bins), which bins differently).
 */
export function calibrationGap(bins: readonly CalibrationBin[]): number | null {
  const total = bins.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  return Math.sqrt(bins.reduce((sum, b) => sum + b.count * (b.predicted - b.observed) ** 2, 0) / total);
}
