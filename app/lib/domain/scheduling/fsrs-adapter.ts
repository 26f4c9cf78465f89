/**
 * The one place in the app that imports ts-fsrs. It builds a scheduler from the user's
 * settings and maps the stored rows to the library's `Card` / `ReviewLog` and back, copying
 * every `Date` so that callers never share mutable objects with the library.
 */
import {
  clipParameters,
  createEmptyCard,
  forgetting_curve,
  fsrs,
  FSRSAlgorithm,
  generatorParameters,
  get_fuzz_range,
  migrateParameters,
  Rating,
  State,
  type Card,
  type FSRS,
  type Grade,
  type ReviewLog,
} from "ts-fsrs";

import { validateSchedulerSettings, isStepString } from "./settings";
import type {
  CardStateName,
  ReviewRating,
  SchedulerSettings,
  StoredCardState,
  StoredReviewLog,
} from "./types";

const STATE_TO_FSRS: Record<CardStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_FROM_FSRS: Record<State, CardStateName> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const GRADE: Record<ReviewRating, Grade> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy,
};

/**
 * A fresh ts-fsrs scheduler for these settings. A new instance each call on purpose: ts-fsrs
 * keeps the fuzz seed of the last review on the instance, so sharing one between requests
 * would make results depend on call order.
 */
export function buildScheduler(settings: SchedulerSettings): FSRS {
  validateSchedulerSettings(settings);
  const weights =
    settings.parameters && settings.parameters.length > 0 ? [...settings.parameters] : undefined;
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: settings.enableShortTerm ?? true,
      learning_steps: settings.learningSteps.filter(isStepString),
      relearning_steps: settings.relearningSteps.filter(isStepString),
      ...(weights ? { w: weights } : {}),
    }),
  );
}

/** The weights ts-fsrs would use for these parameters (defaults when null or empty), clipped. */
export function effectiveWeights(parameters: readonly number[] | null): readonly number[] {
  const weights = parameters && parameters.length > 0 ? [...parameters] : undefined;
  return generatorParameters(weights ? { w: weights } : {}).w;
}

/**
 * A 17 (FSRS-4.5) or 19 (FSRS-5) weight set as ts-fsrs's `migrateParameters` turns it into
 * FSRS-6's 21; a 21 set as given. Also the indices of the given weights ts-fsrs clips (at the
 * conversion, or for 21 weights when it builds a scheduler). Converted with ts-fsrs's widest
 * bounds (no relearning-step ceiling on w17/w18): `buildScheduler` hands the set to ts-fsrs,
 * which clips it again for the user's steps and mode as it does with every set, so a stored
 * conversion loses nothing a later change of steps or mode would need.
 */
export function migrateWeights(parameters: readonly number[]): {
  weights: number[];
  clipped: number[];
} {
  const given = [...parameters];
  const clip = clipParameters([...given], 0, false);
  const clipped = given.flatMap((w, i) => (clip[i] === w ? [] : [i]));
  const weights = given.length === 21 ? given : migrateParameters(given, 0, false);
  return { weights, clipped };
}

export function toGrade(rating: ReviewRating): Grade {
  return GRADE[rating];
}

export function toCard(state: StoredCardState): Card {
  return {
    due: new Date(state.due.getTime()),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_TO_FSRS[state.state],
    ...(state.lastReview ? { last_review: new Date(state.lastReview.getTime()) } : {}),
  };
}

export function fromCard(card: Card): StoredCardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_FROM_FSRS[card.state],
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}

export function emptyCardState(now: Date): StoredCardState {
  return fromCard(createEmptyCard(now));
}

/** Our log for an answer given to `before`, from the log ts-fsrs produced for it. */
export function fromFsrsLog(
  log: ReviewLog,
  rating: ReviewRating,
  before: StoredCardState,
): StoredReviewLog {
  return {
    rating,
    state: STATE_FROM_FSRS[log.state],
    due: new Date(before.due.getTime()),
    lastReview: before.lastReview ? new Date(before.lastReview.getTime()) : null,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    lapses: before.lapses,
    reviewedAt: new Date(log.review.getTime()),
  };
}

/** ts-fsrs's FSRS-6 forgetting curve R(t, S) for these weights. */
export function forgettingCurveFor(
  weights: readonly number[],
  elapsedDays: number,
  stability: number,
): number {
  return forgetting_curve(weights, elapsedDays, stability);
}

/**
 * FSRS's memory-state step for these weights (ts-fsrs's `next_state`): the state after an
 * answer `deltaT` whole days after the last one (null before the first answer).
 */
export function memoryStepFor(
  weights: readonly number[],
  enableShortTerm: boolean,
): (
  memory: { stability: number; difficulty: number } | null,
  deltaT: number,
  rating: ReviewRating,
) => { stability: number; difficulty: number } {
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_short_term: enableShortTerm }));
  return (memory, deltaT, rating) => {
    const next = algorithm.next_state(memory, deltaT, GRADE[rating]);
    return { stability: next.stability, difficulty: next.difficulty };
  };
}

/**
 * The whole-day range ts-fsrs's fuzz draws an interval from (`get_fuzz_range`): about ±15 %
 * at a week, ±5 % past 20 days, at least 2 days, never past `maximumInterval`, and past the
 * days already elapsed when the interval is longer than them.
 */
export function fuzzRangeOf(
  intervalDays: number,
  elapsedDays: number,
  maximumInterval: number,
): { minDays: number; maxDays: number } {
  const { min_ivl, max_ivl } = get_fuzz_range(intervalDays, elapsedDays, maximumInterval);
  return { minDays: min_ivl, maxDays: max_ivl };
}
