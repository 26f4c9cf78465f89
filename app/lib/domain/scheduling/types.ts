import { SchedulingInputError } from "./errors";

/**
 * Plain scheduling types, shaped like the database rows (`CardState`, `ReviewLog`) so that the
 * data layer maps fields one to one. Nothing here depends on ts-fsrs: only `fsrs-adapter.ts`
 * knows the library's `Card` / `ReviewLog` shapes.
 */

export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof CARD_STATES)[number];

/** Anki's four answer buttons: 1 again, 2 hard, 3 good, 4 easy. */
export type ReviewRating = 1 | 2 | 3 | 4;
export const REVIEW_RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

/** One user's memory state for one card, as a `CardState` row holds it. */
export interface StoredCardState {
  due: Date;
  /** Days for retrievability to fall from 100 % to 90 % (FSRS S). 0 for a new card. */
  stability: number;
  /** FSRS difficulty D in [1, 10]; 0 for a new card. */
  difficulty: number;
  /** Whole days between the last two reviews (ts-fsrs keeps it for its logs). */
  elapsedDays: number;
  /** Interval given at the last review, in days (0 while in (re)learning steps). */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  lastReview: Date | null;
}

/**
 * One answer, as a `ReviewLog` row holds it. Every memory field is the value *before* the
 * answer. ts-fsrs itself only keeps `last_review || due` and derives the rest, which loses the
 * previous due date and the lapse count of a reset card; `due`, `lastReview` and `lapses` are
 * kept as they were (the data layer saves the whole state before the answer in the row's
 * `previous` JSON, which undo restores).
 */
export interface StoredReviewLog {
  rating: ReviewRating;
  /** State before the answer. */
  state: CardStateName;
  /** Due date before the answer. */
  due: Date;
  /** Last review before this one (null for the first review). */
  lastReview: Date | null;
  stability: number;
  difficulty: number;
  /** Whole days since the previous review, as ts-fsrs counted them for this answer. */
  elapsedDays: number;
  /** The card's `elapsedDays` before the answer. */
  lastElapsedDays: number;
  /** The card's `scheduledDays` before the answer (the interval it was shown after). */
  scheduledDays: number;
  learningSteps: number;
  lapses: number;
  /** When the answer was given. */
  reviewedAt: Date;
}

export type StepString = `${number}${"m" | "h" | "d"}`;

/** The user's scheduler settings (a `UserSettings` row). */
export interface SchedulerSettings {
  /** Target probability of recall when a card comes due, 0.70..0.99. */
  desiredRetention: number;
  /** Longest interval in days, 1..36500. */
  maximumInterval: number;
  /** Spread intervals of ≥ 3 days a little so cards learnt together do not stay together. */
  enableFuzz: boolean;
  /** Learning steps such as ["1m", "10m"]; [] lets FSRS schedule from the first answer. */
  learningSteps: readonly string[];
  /** Relearning steps after a lapse, such as ["10m"]. */
  relearningSteps: readonly string[];
  /**
   * Fitted FSRS weights: 21 (FSRS-6), or 17/19 of FSRS-4.5/5, which ts-fsrs converts
   * (`migrateWeights`; stored settings hold the converted 21); null (or []) uses the defaults.
   */
  parameters: readonly number[] | null;
  /**
   * FSRS's short-term model (ts-fsrs `enable_short_term`), true when absent. False is the
   * long-term-only mode: the (re)learning steps are not used, every answer schedules the card
   * a whole number of days ahead, and a review on the day of the last one does not raise the
   * stability (for users who study without learning steps).
   */
  enableShortTerm?: boolean;
  /**
   * Anki's load balancer: a review interval is moved, within its fuzz range, to a day with
   * fewer reviews due (see `load-balance.ts`). Off when absent.
   */
  loadBalance?: boolean;
  /**
   * Easy days: each weekday's share of a normal day's reviews, Monday first, 1 normal, 0.5
   * reduced, 0 minimum (Anki's `easy_days_percentages`). Empty or absent: none.
   */
  easyDays?: readonly number[];
}

/** The defaults of the `UserSettings` table. */
export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = Object.freeze({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: false,
  learningSteps: Object.freeze(["1m", "10m"]),
  relearningSteps: Object.freeze(["10m"]),
  parameters: null,
  enableShortTerm: true,
  loadBalance: false,
  easyDays: Object.freeze([]),
});

/** The database stores the state as the ts-fsrs enum number (0 new … 3 relearning). */
export function stateFromCode(code: number): CardStateName {
  const state = CARD_STATES[code];
  if (state === undefined) {
    throw new SchedulingInputError("state", code, "unknown card state code, expected 0..3");
  }
  return state;
}

export function stateToCode(state: CardStateName): number {
  return CARD_STATES.indexOf(state);
}
