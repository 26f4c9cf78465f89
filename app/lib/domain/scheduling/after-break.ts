/**
 * After a break (the FSRS Helper's postpone and advance), as pure plans: which review cards
 * move, and to when. The memory state is untouched (a later answer's elapsed time is measured
 * from the last review, not from the due date), so only `due` and `scheduledDays` change, and
 * the data layer logs each move beside the review log (a manual reschedule, as Anki logs one).
 *
 * - "I was away" (postpone): of the review cards due by the end of today, those whose recall
 *   probability is still above `floor`, least urgent (highest R) first, are moved to the day
 *   their R falls to `floor`, at least tomorrow.
 * - "I have time" (advance): of the review cards not yet due, those whose R has fallen furthest
 *   (lowest R first) are made due now.
 */
import { SchedulingInputError } from "./errors";
import { effectiveWeights } from "./fsrs-adapter";
import { retrievabilityReader } from "./scheduler";
import type { SchedulerSettings, StoredCardState } from "./types";

const DAY_MS = 86_400_000;

export interface BreakCard {
  cardId: string;
  version: number;
  state: StoredCardState;
}

export interface BreakMove {
  cardId: string;
  /** The card state's version the move was planned from (the write checks it). */
  version: number;
  fromDue: Date;
  fromScheduledDays: number;
  due: Date;
  scheduledDays: number;
  /** Recall probability at `now`. */
  retrievability: number;
}

export type BreakKind = "postpone" | "advance";

export interface BreakOptions {
  /** Move at most this many cards. */
  limit: number;
  /** Postpone only: R the postponed cards may fall to (0.5–0.99). */
  floor?: number | undefined;
  now: Date;
  /** Start of the next study day: a card due before it is due today. */
  nextDayStart: Date;
}

/**
 * Days after the last review at which R falls to `r`, inverting FSRS-6's forgetting curve
 * $$R(t, S) = (1 + f\,t/S)^{-w_{20}},\ f = 0.9^{-1/w_{20}} - 1 \;\Rightarrow\; t = \frac{S}{f}\left(r^{-1/w_{20}} - 1\right)$$
 */
export function daysUntilRetrievability(parameters: readonly number[] | null, stability: number, r: number): number {
  if (!Number.isFinite(stability) || stability <= 0) throw new SchedulingInputError("stability", stability, "must be > 0");
  if (!Number.isFinite(r) || r <= 0 || r >= 1) throw new SchedulingInputError("r", r, "must be between 0 and 1");
  const decay = effectiveWeights(parameters)[20] ?? 0.1542;
  const factor = 0.9 ** (-1 / decay) - 1;
  return (stability / factor) * (r ** (-1 / decay) - 1);
}

/** The cards a postpone or an advance would move, in the order they are taken. */
export function planBreak(kind: BreakKind, cards: readonly BreakCard[], settings: SchedulerSettings, options: BreakOptions): BreakMove[] {
  const { limit, now, nextDayStart } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new SchedulingInputError("limit", limit, "must be a whole number ≥ 0");
  const floor = options.floor ?? settings.desiredRetention;
  if (kind === "postpone" && (!Number.isFinite(floor) || floor < 0.5 || floor > 0.99)) {
    throw new SchedulingInputError("floor", floor, "must be between 0.5 and 0.99");
  }
  const readR = retrievabilityReader(settings);
  const candidates = cards
    .filter(({ state }) => state.state === "review" && state.lastReview !== null && state.stability > 0)
    .filter(({ state }) => (kind === "postpone" ? state.due < nextDayStart : state.due >= nextDayStart))
    .map((card) => ({ card, r: readR(card.state, now) }))
    .filter(({ r }) => kind === "advance" || r > floor)
    // Postpone the least urgent first; advance the most forgotten first. Ties by card id, so a
    // preview and the apply that follows it take the same cards.
    .sort((a, b) => (kind === "postpone" ? b.r - a.r : a.r - b.r) || (a.card.cardId < b.card.cardId ? -1 : 1))
    .slice(0, limit);
  return candidates.map(({ card, r }) => {
    const { state } = card;
    const last = (state.lastReview ?? now).getTime();
    let days: number;
    if (kind === "postpone") {
      const untilFloor = Math.floor(daysUntilRetrievability(settings.parameters, state.stability, floor));
      const tomorrow = Math.ceil((nextDayStart.getTime() - last) / DAY_MS);
      days = Math.min(Math.max(untilFloor, tomorrow, state.scheduledDays + 1), Math.max(settings.maximumInterval, tomorrow));
    } else {
      days = Math.max(0, Math.floor((now.getTime() - last) / DAY_MS));
    }
    const due = kind === "postpone" ? new Date(last + days * DAY_MS) : new Date(now.getTime());
    return {
      cardId: card.cardId,
      version: card.version,
      fromDue: state.due,
      fromScheduledDays: state.scheduledDays,
      due,
      scheduledDays: days,
      retrievability: r,
    };
  });
}
