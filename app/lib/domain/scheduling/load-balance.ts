/**
 * Spreading the reviews over the days (Anki 24.11's load balancer and Anki 25's easy days), as
 * pure functions: the caller counts the reviews already due on each day of a card's fuzz
 * range, and the day is picked here.
 *
 * A card's next interval may move within its fuzz range (ts-fsrs `get_fuzz_range`: the days
 * fuzz would pick from anyway), so the memory model is untouched: only which of those days.
 * The pick is a weighted draw seeded by (card id, reps, study day), so the preview of an answer
 * (the label on its button, computed when the queue is read), the answer itself and a later
 * recomputation with the same counts agree.
 */
import { SchedulingInputError } from "./errors";
import { fuzzRangeOf } from "./fsrs-adapter";
import { applyGrade, type GradeResult } from "./scheduler";
import { weekdayOf, type StudyDay } from "./study-day";
import { REVIEW_RATINGS, type ReviewRating, type SchedulerSettings, type StoredCardState } from "./types";
import { seededRandom } from "../quiz/random";

const DAY_MS = 86_400_000;

/** Anki does not balance intervals longer than this: so far ahead a day's load hardly matters. */
export const MAX_BALANCED_INTERVAL = 90;

/**
 * Easy days: the share of a normal day's load each weekday should carry, Monday first (Anki's
 * `easy_days_percentages`): 1 normal, 0.5 reduced, 0 minimum. Empty: every day is normal.
 */
export type EasyDays = readonly number[];
export type EasyDayLevel = "normal" | "reduced" | "minimum";

/** The level of a weekday's load share, as Anki reads it: 1 normal, 0 minimum, anything else reduced. */
export function easyDayLevel(share: number): EasyDayLevel {
  return share >= 1 ? "normal" : share <= 0 ? "minimum" : "reduced";
}

/** A day's weight factor: a minimum day is not 0, so a range of minimum days still gives a day. */
const LEVEL_LOAD: Record<EasyDayLevel, number> = { normal: 1, reduced: 0.5, minimum: 0.0001 };

/** Days in the range of which a sibling is due near, and how much their weight is scaled (Anki 25). */
const SIBLING_SCALE = new Map([
  [0, 0.000001],
  [1, 0.2],
  [2, 0.4],
  [3, 0.6],
  [4, 0.8],
]);

export interface DayRange {
  /** Fewest whole days from the review day. */
  minDays: number;
  /** Most whole days from the review day. */
  maxDays: number;
}

/**
 * The days an interval of `intervalDays` may be moved to: ts-fsrs's fuzz range, not shorter
 * than `minimumDays` (a good answer must stay longer than a hard one), never past
 * `maximumInterval`. A single day when the interval is under 2.5 days (ts-fsrs does not
 * fuzz those).
 */
export function balanceRange(
  intervalDays: number,
  elapsedDays: number,
  maximumInterval: number,
  minimumDays = 1,
): DayRange {
  for (const [field, value] of Object.entries({ intervalDays, elapsedDays, maximumInterval, minimumDays })) {
    if (!Number.isFinite(value) || value < 0) {
      throw new SchedulingInputError(field, value, "must be a finite number ≥ 0");
    }
  }
  const cap = Math.max(1, Math.floor(maximumInterval));
  if (intervalDays < 2.5) {
    const days = Math.min(cap, Math.max(1, Math.round(intervalDays), Math.ceil(minimumDays)));
    return { minDays: days, maxDays: days };
  }
  const { minDays, maxDays } = fuzzRangeOf(intervalDays, elapsedDays, cap);
  const max = Math.min(cap, Math.max(maxDays, Math.ceil(minimumDays)));
  return { minDays: Math.min(max, Math.max(minDays, Math.ceil(minimumDays))), maxDays: max };
}

/**
 * Anki's easy-days factors for the days of a range: 1 on a normal day, ~0 on a minimum day;
 * a reduced day is ~0 when it already holds more than half of what the other days hold per
 * unit of their load share (count / 0.5 > others' count / others' share), else 1.
 * `weekdays[i]` is day i's weekday, Monday 0 … Sunday 6.
 */
export function easyDayFactors(
  easyDays: EasyDays,
  weekdays: readonly number[],
  counts: readonly number[],
): number[] {
  const level = (weekday: number) => easyDayLevel(easyDays[weekday] ?? 1);
  const total = counts.reduce((sum, c) => sum + c, 0);
  const shares = weekdays.reduce((sum, w) => sum + LEVEL_LOAD[level(w)], 0);
  return weekdays.map((weekday, i) => {
    const own = level(weekday);
    if (own !== "reduced") return LEVEL_LOAD[own];
    const count = counts[i] ?? 0;
    const othersPerShare = (total - count) / (shares - LEVEL_LOAD.reduced);
    return count / LEVEL_LOAD.reduced > othersPerShare ? LEVEL_LOAD.minimum : LEVEL_LOAD.normal;
  });
}

export interface BalanceInput {
  /** The range the day is picked from (`balanceRange`). */
  range: DayRange;
  /** Reviews already due on each day of the range, `range.minDays` first. */
  dueCounts: readonly number[];
  /** Weekday of the review's study day: Monday 0 … Sunday 6. */
  reviewWeekday: number;
  /** `balanceSeed(cardId, reps, studyDay)`. */
  seed: string;
  /** Weigh the days by their load (the load balancer). */
  loadBalance: boolean;
  /** Easy days (empty or absent: none). */
  easyDays?: EasyDays | undefined;
  /** Days (from the review day) on which a sibling of the card is due: days near them are avoided. */
  siblingDays?: readonly number[] | undefined;
}

/**
 * The seed of a card's draw: the card, how often it was answered before (`reps` of the state
 * answered) and the study day of the answer. Not the answer's instant: the queue read computes
 * the label of each answer button before the answer is given, and the answer must draw what
 * the label showed (as Anki seeds its fuzz by card id and reps). A card answered again (reps
 * moved on) or on another day draws afresh.
 */
export function balanceSeed(cardId: string, reps: number, studyDay: StudyDay): string {
  return `${cardId}#${reps}@${studyDay}`;
}

/**
 * The weight of each day of the range, `range.minDays` first. With the load balancer, as in
 * Anki 24.11: $$w_d = \frac{1}{c_d^2}\cdot\frac{1}{d}$$ for a day d days ahead with c_d reviews
 * due (the 1/d leans to the earlier day, else the balancer drifts to later days), and 1 for an
 * empty day; without it every day weighs 1. Then multiplied by the easy-days factor and the
 * sibling factor (Anki 25: ~0 on a sibling's day, 0.2, 0.4, 0.6, 0.8 one to four days from it),
 * which unlike Anki also apply to empty days, so an empty minimum day is still avoided.
 */
export function dayWeights(input: Omit<BalanceInput, "seed">): number[] {
  const { range, dueCounts, reviewWeekday, loadBalance, easyDays, siblingDays } = input;
  checkInput(input);
  const days = Array.from({ length: range.maxDays - range.minDays + 1 }, (_, i) => range.minDays + i);
  const counts = days.map((_, i) => dueCounts[i] ?? 0);
  const weekdays = days.map((d) => (reviewWeekday + d) % 7);
  const easy = easyDays && easyDays.length > 0 ? easyDayFactors(easyDays, weekdays, counts) : days.map(() => 1);
  return days.map((d, i) => {
    const c = counts[i] ?? 0;
    const load = !loadBalance || c === 0 ? 1 : 1 / (c * c * d);
    const sibling = (siblingDays ?? []).reduce((f, s) => f * (SIBLING_SCALE.get(Math.abs(s - d)) ?? 1), 1);
    return load * (easy[i] ?? 1) * sibling;
  });
}

/**
 * The number of days until the card is due, picked from `range` with probability ∝ its
 * `dayWeights`, by a draw seeded with `seed`; never outside the range. Null when there is
 * nothing to pick (neither the load balancer nor easy days nor siblings in use, a range of one
 * day, or a range starting past `MAX_BALANCED_INTERVAL` days): the caller keeps the
 * scheduler's day.
 */
export function pickBalancedDay(input: BalanceInput): number | null {
  const { range, loadBalance, easyDays, siblingDays } = input;
  checkInput(input);
  const easy = (easyDays ?? []).some((share) => easyDayLevel(share) !== "normal");
  if (!loadBalance && !easy && !siblingDays?.length) return null;
  if (range.minDays === range.maxDays || range.minDays > MAX_BALANCED_INTERVAL) return null;
  const weights = dayWeights(input);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let draw = seededRandom(input.seed)() * total;
  for (const [i, w] of weights.entries()) {
    draw -= w;
    if (draw < 0) return range.minDays + i;
  }
  return range.maxDays;
}

function checkInput(input: Omit<BalanceInput, "seed">): void {
  const { range, dueCounts, reviewWeekday } = input;
  if (!Number.isInteger(range.minDays) || !Number.isInteger(range.maxDays) || range.minDays < 1 || range.maxDays < range.minDays) {
    throw new SchedulingInputError("range", range, "must be whole days with 1 ≤ minDays ≤ maxDays");
  }
  if (!Number.isInteger(reviewWeekday) || reviewWeekday < 0 || reviewWeekday > 6) {
    throw new SchedulingInputError("reviewWeekday", reviewWeekday, "must be 0 (Monday) to 6 (Sunday)");
  }
  if (dueCounts.some((c) => !Number.isInteger(c) || c < 0)) {
    throw new SchedulingInputError("dueCounts", dueCounts, "must be whole numbers ≥ 0");
  }
}

/** True when the settings move review days at all: the load balancer, or an easy day that is not normal. */
export function balancesDays(settings: Pick<SchedulerSettings, "loadBalance" | "easyDays">): boolean {
  return Boolean(settings.loadBalance) || (settings.easyDays ?? []).some((share) => easyDayLevel(share) !== "normal");
}

/**
 * The days an answer's next review may be moved to, or null when nothing moves it: the
 * settings balance nothing, the answer leaves the card in (re)learning steps, or the range is
 * one day or starts past `MAX_BALANCED_INTERVAL`. The range is the fuzz range of the interval
 * FSRS asks for before fuzz (`before` answered `rating` at `now`), as Anki draws it.
 */
export function balanceRangeOf(
  before: StoredCardState,
  rating: ReviewRating,
  result: GradeResult,
  settings: SchedulerSettings,
  now: Date,
): DayRange | null {
  if (!balancesDays(settings)) return null;
  if (result.next.state !== "review" || result.next.scheduledDays < 1) return null;
  const interval = settings.enableFuzz
    ? applyGrade(before, rating, { ...settings, enableFuzz: false }, now).next.scheduledDays
    : result.next.scheduledDays;
  const range = balanceRange(interval, result.log.elapsedDays, settings.maximumInterval);
  return range.minDays === range.maxDays || range.minDays > MAX_BALANCED_INTERVAL ? null : range;
}

/**
 * `result` with the next review `days` whole days after `now` (the memory state is unchanged:
 * only the day moves, as ts-fsrs's fuzz moves it).
 */
export function withReviewInDays(result: GradeResult, days: number, now: Date): GradeResult {
  if (!Number.isInteger(days) || days < 1) throw new SchedulingInputError("days", days, "must be a whole number ≥ 1");
  return { ...result, next: { ...result.next, due: new Date(now.getTime() + days * DAY_MS), scheduledDays: days } };
}

/**
 * What an answer's write statement needs to pick the day itself from the counts it reads, so
 * that balancing costs no extra round trip (the data layer's `balancedDaySql`): the range, each
 * day's easy-day load share, whether the counts weigh, and the seeded draw. Picking with
 * `pickWithPlan(plan, counts)` gives the day `pickBalancedDay` gives for the same counts.
 */
export interface BalancePlan {
  range: DayRange;
  /** Each day's easy-day share (1 normal, 0.5 reduced, 0.0001 minimum), `range.minDays` first; all 1 without easy days. */
  levels: number[];
  loadBalance: boolean;
  /** The uniform draw in [0, 1) of `balanceSeed(cardId, before.reps, studyDay)`. */
  draw: number;
}

export interface BalancePlanInput {
  cardId: string;
  before: StoredCardState;
  rating: ReviewRating;
  result: GradeResult;
  settings: SchedulerSettings;
  now: Date;
  /** `now`'s study day in the user's zone: it seeds the draw and gives the weekdays of easy days. */
  studyDay: StudyDay;
}

/** The plan of an answer's balanced day, or null when nothing moves it (`balanceRangeOf`). */
export function balancePlanOf(input: BalancePlanInput): BalancePlan | null {
  const { cardId, before, rating, result, settings, now, studyDay } = input;
  const range = balanceRangeOf(before, rating, result, settings, now);
  if (!range) return null;
  const reviewWeekday = weekdayOf(studyDay);
  const easyDays = settings.easyDays ?? [];
  const levels = Array.from({ length: range.maxDays - range.minDays + 1 }, (_, i) =>
    easyDays.length > 0 ? LEVEL_LOAD[easyDayLevel(easyDays[(reviewWeekday + range.minDays + i) % 7] ?? 1)] : 1,
  );
  return {
    range,
    levels,
    loadBalance: settings.loadBalance ?? false,
    draw: seededRandom(balanceSeed(cardId, before.reps, studyDay))(),
  };
}

/**
 * The day a plan picks for these counts, the way the write statement picks it: the first day
 * whose running weight exceeds draw × total. (What `pickBalancedDay` does, written as the SQL
 * is; a unit test holds them equal.)
 */
export function pickWithPlan(plan: BalancePlan, dueCounts: readonly number[]): number {
  const { range, levels, loadBalance, draw } = plan;
  const counts = levels.map((_, i) => dueCounts[i] ?? 0);
  const total = counts.reduce((s, c) => s + c, 0);
  const shares = levels.reduce((s, l) => s + l, 0);
  const weights = levels.map((level, i) => {
    const c = counts[i] ?? 0;
    const easy =
      level === LEVEL_LOAD.reduced
        ? c / LEVEL_LOAD.reduced > (total - c) / (shares - LEVEL_LOAD.reduced)
          ? LEVEL_LOAD.minimum
          : LEVEL_LOAD.normal
        : level;
    const load = !loadBalance || c === 0 ? 1 : 1 / (c * c * (range.minDays + i));
    return load * easy;
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  let running = 0;
  for (const [i, w] of weights.entries()) {
    running += w;
    if (running > draw * sum) return range.minDays + i;
  }
  return range.maxDays;
}

/** Each answer's balanced day (again, hard, good, easy), or null where the scheduler's own day stands. */
export type BalancedDays = [number | null, number | null, number | null, number | null];

export interface BalancedPreviewInput {
  cardId: string;
  /** The card's state now, and what each answer would make of it (`previewOutcomes`, rating order). */
  before: StoredCardState;
  outcomes: readonly [GradeResult, GradeResult, GradeResult, GradeResult];
  settings: SchedulerSettings;
  now: Date;
  studyDay: StudyDay;
  /**
   * Cards (other than this one) due on each day of `range`, `range.minDays` first, or null
   * when they are not known: that answer's day is then left to the answer.
   */
  dueCounts: (range: DayRange) => readonly number[] | null;
}

/**
 * The day each answer would move the card to under the load balancer and easy days, computed
 * as the answer computes it (`balancePlanOf` + `pickWithPlan`, same seed): what the answer
 * buttons show, and what the answer sends back (`shownDayIn`), so that the label, the stored
 * due date and a replay agree even when the counts change in between.
 */
export function previewBalancedDays(input: BalancedPreviewInput): BalancedDays {
  const { cardId, before, outcomes, settings, now, studyDay, dueCounts } = input;
  if (!balancesDays(settings)) return [null, null, null, null];
  const days = REVIEW_RATINGS.map((rating, i) => {
    const result = outcomes[i];
    const plan = result ? balancePlanOf({ cardId, before, rating, result, settings, now, studyDay }) : null;
    const counts = plan && dueCounts(plan.range);
    return plan && counts ? pickWithPlan(plan, counts) : null;
  });
  return [days[0] ?? null, days[1] ?? null, days[2] ?? null, days[3] ?? null];
}

/**
 * The day an answer showed on its button (`previewBalancedDays`), when it is one the answer may
 * take: a whole number of days inside the answer's own plan range (the fuzz range the answer
 * computes now, never past the maximum interval). Else null: the answer picks its day itself.
 * Any day of the range is one the scheduler could have drawn, so a replay accepts it.
 */
export function shownDayIn(plan: BalancePlan | null, shownDays: number | null | undefined): number | null {
  if (!plan || shownDays === null || shownDays === undefined || !Number.isInteger(shownDays)) return null;
  return shownDays >= plan.range.minDays && shownDays <= plan.range.maxDays ? shownDays : null;
}
