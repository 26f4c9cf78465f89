/**
 * The review operations on one card: preview the four answers, apply one, replay its history
 * with new weights, and read its retrievability. (Undo restores the state saved with the
 * answer's log, in the data layer, rather than rolling the scheduler back.) All of them are
 * pure: the current time is an argument and every result is a new object.
 *
 * Fuzz determinism: with `enableFuzz` on, ts-fsrs draws the fuzz from a PRNG seeded with
 * `${reviewTime}_${reps}_${difficulty·stability}` (its `DefaultInitSeedStrategy`), so the same
 * card answered at the same instant always gets the same interval: the preview, the applied
 * answer and a later replay of the log agree.
 */
import {
  buildScheduler,
  emptyCardState,
  effectiveWeights,
  forgettingCurveFor,
  fromCard,
  fromFsrsLog,
  toCard,
  toGrade,
} from "./fsrs-adapter";
import { SchedulingInputError } from "./errors";
import { formatInterval } from "./format-interval";
import {
  REVIEW_RATINGS,
  stateFromCode,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
  type StoredReviewLog,
} from "./types";

export interface GradeResult {
  next: StoredCardState;
  log: StoredReviewLog;
}

export interface PreviewOutcome extends GradeResult {
  rating: ReviewRating;
  /** Time from `now` until the card would be due, in milliseconds. */
  intervalMs: number;
  /** `formatInterval(intervalMs)`: what the answer button shows ("10m", "4d", "2.3mo"). */
  label: string;
}

/** The state of a card nobody has studied yet, due at `now`. */
export function newCardState(now: Date): StoredCardState {
  assertValidDate("now", now);
  return emptyCardState(now);
}

/**
 * What each of the four answers would do to the card at `now`, in rating order
 * (again, hard, good, easy), each with the label its button shows.
 */
export function previewOutcomes(
  state: StoredCardState,
  settings: SchedulerSettings,
  now: Date,
): [PreviewOutcome, PreviewOutcome, PreviewOutcome, PreviewOutcome] {
  assertReviewTime(state, now);
  const scheduler = buildScheduler(settings);
  const preview = scheduler.repeat(toCard(state), now);
  const outcome = (rating: ReviewRating): PreviewOutcome => {
    const item = preview[toGrade(rating)];
    const next = fromCard(item.card);
    const intervalMs = next.due.getTime() - now.getTime();
    return {
      rating,
      next,
      log: fromFsrsLog(item.log, rating, state),
      intervalMs,
      label: formatInterval(intervalMs),
    };
  };
  return [outcome(1), outcome(2), outcome(3), outcome(4)];
}

/** Answers the card with `rating` at `now`: the new state and the log that can undo it. */
export function applyGrade(
  state: StoredCardState,
  rating: ReviewRating,
  settings: SchedulerSettings,
  now: Date,
): GradeResult {
  assertRating(rating);
  assertReviewTime(state, now);
  const item = buildScheduler(settings).next(toCard(state), now, toGrade(rating));
  return { next: fromCard(item.card), log: fromFsrsLog(item.log, rating, state) };
}

/** What a replay reads of a logged answer: its rating, the card's state code before it and its time. */
export interface ReplayedAnswer {
  rating: number;
  state: number;
  reviewedAt: Date;
}

/** A logged answer as `rescheduleFromLogs` takes it; the memory fields it does not read are 0. */
export function replayInput(log: ReplayedAnswer): StoredReviewLog {
  return {
    rating: log.rating as StoredReviewLog["rating"],
    state: stateFromCode(log.state),
    due: log.reviewedAt,
    lastReview: null,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    lapses: 0,
    reviewedAt: log.reviewedAt,
  };
}

/**
 * The card state obtained by replaying its answers, oldest first, with `settings` (typically
 * new weights or a new desired retention). Each answer is applied at its recorded time with
 * ts-fsrs `next`, which is what ts-fsrs `reschedule` does; a log whose state before was "new"
 * while the replayed card is not means the card was reset in between, so it is reset there too
 * (counts kept). Returns null for an empty history.
 */
export function rescheduleFromLogs(
  logs: readonly StoredReviewLog[],
  settings: SchedulerSettings,
): StoredCardState | null {
  const first = logs[0];
  if (!first) return null;
  const scheduler = buildScheduler(settings);
  let card = toCard(emptyCardState(first.reviewedAt));
  let previousAt = -Infinity;
  logs.forEach((log, index) => {
    assertRating(log.rating);
    assertValidDate(`logs[${index}].reviewedAt`, log.reviewedAt);
    if (log.reviewedAt.getTime() < previousAt) {
      throw new SchedulingInputError(
        `logs[${index}].reviewedAt`,
        log.reviewedAt,
        "logs must be in time order",
      );
    }
    previousAt = log.reviewedAt.getTime();
    if (log.state === "new" && fromCard(card).state !== "new") {
      card = scheduler.forget(card, log.reviewedAt, false).card;
    }
    card = scheduler.next(card, log.reviewedAt, toGrade(log.rating)).card;
  });
  return fromCard(card);
}

/**
 * Probability of recalling the card at `now`:
 * $$R(t, S) = \left(1 + \text{factor}\cdot\frac{t}{S}\right)^{-w_{20}}, \quad
 *   \text{factor} = 0.9^{-1/w_{20}} - 1$$
 * with t the whole days since the last review (ts-fsrs `get_retrievability`). 0 for a new card.
 */
export function retrievability(
  state: StoredCardState,
  settings: SchedulerSettings,
  now: Date,
): number {
  return retrievabilityReader(settings)(state, now);
}

/** `retrievability` for many cards with one scheduler (sorting a queue of hundreds of cards). */
export function retrievabilityReader(
  settings: SchedulerSettings,
): (state: StoredCardState, now: Date) => number {
  const scheduler = buildScheduler(settings);
  return (state, now) => {
    assertValidDate("now", now);
    return scheduler.get_retrievability(toCard(state), now, false);
  };
}

/**
 * The FSRS-6 forgetting curve for the given weights (null = defaults):
 * $$R(t, S) = \left(1 + \text{factor}\cdot\frac{t}{S}\right)^{-\text{decay}}, \quad
 *   \text{decay} = w_{20},\ \text{factor} = 0.9^{-1/\text{decay}} - 1$$
 * so that R(S, S) = 0.9. `elapsedDays` may be fractional.
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
export function predictedRetention(
  parameters: readonly number[] | null,
  elapsedDays: number,
  stability: number,
): number {
  if (!Number.isFinite(elapsedDays) || elapsedDays < 0) {
    throw new SchedulingInputError("elapsedDays", elapsedDays, "must be a finite number ≥ 0");
  }
  if (!Number.isFinite(stability) || stability <= 0) {
    throw new SchedulingInputError("stability", stability, "must be a finite number > 0");
  }
  return forgettingCurveFor(effectiveWeights(parameters), elapsedDays, stability);
}

function assertValidDate(field: string, value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new SchedulingInputError(field, value, "must be a valid Date");
  }
}

function assertRating(rating: number): asserts rating is ReviewRating {
  if (!REVIEW_RATINGS.some((r) => r === rating)) {
    throw new SchedulingInputError(
      "rating",
      rating,
      "must be 1 (again), 2 (hard), 3 (good) or 4 (easy)",
    );
  }
}

function assertReviewTime(state: StoredCardState, now: Date): void {
  assertValidDate("now", now);
  if (state.lastReview && now.getTime() < state.lastReview.getTime()) {
    throw new SchedulingInputError("now", now, "is before the card's last review");
  }
}
