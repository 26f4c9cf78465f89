import "#server-only";
import { computeOptimalSteps } from "@open-spaced-repetition/binding";
import { effectiveWeights } from "@/app/lib/domain/scheduling";
import { exportReviewLogCsv } from "./data/review-csv";
import { getUserSettings, schedulerSettingsOf } from "./data/settings";

/**
 * Below this many same-day answers the recommendation rests on too little to be shown (the
 * binding recommends from quartiles of each grade's delays, which a few dozen answers make noise).
 */
export const MIN_STEP_REVIEWS = 100;

export interface RecommendedSteps {
  /** Learning steps as the settings field takes them ("1m 10m"); empty when the data suggests none. */
  learning: string[];
  relearning: string[];
  /** Same-day answers the recommendation rests on (first answers again/hard/good, and relearning). */
  basedOn: number;
  /** `basedOn` reaches MIN_STEP_REVIEWS: only then are the steps worth showing. */
  enoughData: boolean;
  minimum: number;
}

/** A step in seconds as a settings step: whole minutes up to a day ("10m"), then hours. */
function stepOf(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 24 * 60 && minutes % 60 !== 0 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

/**
 * Learning and relearning steps recommended from the user's own same-day answers (fsrs-rs's
 * `computeOptimalSteps`, through the binding, on the review log as the optimizer reads it), for
 * their desired retention and weights. At most two learning steps and one relearning step;
 * none when the data does not support any (the binding says so by an empty list).
 */
export async function recommendedSteps(userId: string): Promise<RecommendedSteps> {
  const [csv, row] = await Promise.all([exportReviewLogCsv(userId), getUserSettings(userId)]);
  const settings = schedulerSettingsOf(row);
  const stats = computeOptimalSteps(Buffer.from(csv), settings.desiredRetention, [...effectiveWeights(settings.parameters)]);
  const basedOn = [stats.again, stats.hard, stats.good, stats.relearning].reduce((n, s) => n + (s?.count ?? 0), 0);
  return {
    learning: stats.recommendedLearningSteps.map(stepOf),
    relearning: stats.recommendedRelearningSteps.map(stepOf),
    basedOn,
    enoughData: basedOn >= MIN_STEP_REVIEWS,
    minimum: MIN_STEP_REVIEWS,
  };
}

/** For the page: "1m 10m", or a sentence when there is nothing to recommend. */
export function describeSteps(steps: readonly string[]): string {
  return steps.length > 0 ? steps.join(" ") : "none";
}
