import { SchedulingInputError } from "./errors";
import { applyGrade, newCardState, retrievability } from "./scheduler";
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "./settings";
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings, type StoredCardState } from "./types";
import { mulberry32 } from "../random";

export interface WorkloadEstimate {
  /** Expected reviews a day for `cardCount` cards. */
  reviewsPerDay: number;
  /** Expected reviews a day for one card (the simulated average). */
  reviewsPerCardPerDay: number;
  /** The period the average is taken over, in days. */
  horizonDays: number;
}

const SAMPLE_CARDS = 200;
const HORIZON_DAYS = 365;
const DAY_MS = 86_400_000;
const SIMULATION_START = Date.UTC(2000, 0, 1);
const SIMULATION_SEED = 0x9e3779b9;

/**
 * A rough daily workload for the settings page: how many reviews a day `cardCount` cards
 * cost, averaged over the first year after they are learnt, at this desired retention.
 *
 * It simulates 200 cards with the user's scheduler settings `base` (their fitted weights,
 * steps and maximum interval; by default ts-fsrs's default weights with learning 1m/10m and
 * relearning 10m), fuzz off, all introduced on day 0, for 365 days. Every review happens
 * on the due date; a review card is recalled with probability R(t, S) (about the desired
 * retention) and answered good, otherwise again; learning steps are always passed with good.
 * Reviews per card per day = all reviews in the year / (200 · 365), scaled by `cardCount`.
 * The random draws come from a fixed seed, so the estimate is the same on every call, and the
 * same draws are used for every retention, so the curve over retention is smooth. It ignores
 * fuzz, review limits and the user's real answer habits: read it as an order
 * of magnitude and for comparing retentions (higher retention: shorter intervals, more reviews).
 */
export function estimateDailyWorkload(
  desiredRetention: number,
  cardCount: number,
  base: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS,
): WorkloadEstimate {
  if (
    !Number.isFinite(desiredRetention) ||
    desiredRetention < MIN_DESIRED_RETENTION ||
    desiredRetention > MAX_DESIRED_RETENTION
  ) {
    throw new SchedulingInputError(
      "desiredRetention",
      desiredRetention,
      `must be between ${MIN_DESIRED_RETENTION} and ${MAX_DESIRED_RETENTION}`,
    );
  }
  if (!Number.isInteger(cardCount) || cardCount < 0) {
    throw new SchedulingInputError("cardCount", cardCount, "must be a whole number ≥ 0");
  }
  const settings: SchedulerSettings = { ...base, desiredRetention, enableFuzz: false };
  const random = mulberry32(SIMULATION_SEED);
  const end = SIMULATION_START + HORIZON_DAYS * DAY_MS;
  let reviews = 0;
  for (let i = 0; i < SAMPLE_CARDS; i += 1) {
    let now = new Date(SIMULATION_START);
    let card: StoredCardState = newCardState(now);
    while (now.getTime() < end) {
      const recalled = card.state !== "review" || random() < retrievability(card, settings, now);
      card = applyGrade(card, recalled ? 3 : 1, settings, now).next;
      reviews += 1;
      now = card.due;
    }
  }
  const reviewsPerCardPerDay = reviews / (SAMPLE_CARDS * HORIZON_DAYS);
  return {
    reviewsPerDay: round(reviewsPerCardPerDay * cardCount, 1),
    reviewsPerCardPerDay: round(reviewsPerCardPerDay, 4),
    horizonDays: HORIZON_DAYS,
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

