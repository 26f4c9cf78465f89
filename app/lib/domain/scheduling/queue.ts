/**
 * The order in which today's cards are shown. Pure: the caller loads the candidates and the
 * remaining limits and shows the result in this order.
 */
import { SchedulingInputError } from "./errors";
import { retrievabilityReader } from "./scheduler";
import type { SchedulerSettings, StoredCardState } from "./types";

/** Anything that carries a card's state (a row with its id, content, …). */
export interface QueueCandidate {
  state: StoredCardState;
}

export interface QueueInput<T extends QueueCandidate> {
  /** Cards in (re)learning steps. */
  learning: readonly T[];
  /** Review cards that may be due. */
  due: readonly T[];
  /** New cards, already in the order they should be introduced (prerequisites first). */
  fresh: readonly T[];
}

export interface QueueLimits {
  /** New cards still allowed today (`remainingToday().newLeft`). */
  newLeft: number;
  /** Reviews still allowed today (`remainingToday().reviewsLeft`). */
  reviewsLeft: number;
  /** Show (re)learning cards due within this many minutes already (Anki's learn-ahead); 0 by default. */
  learnAheadMinutes?: number;
  /**
   * Review cards due before this instant count as due now: pass the start of the user's next
   * study day so that a card due at 15:00 is shown in the morning, as in Anki. `now` by default.
   */
  reviewsDueBefore?: Date;
}

/**
 * Today's queue:
 * 1. (re)learning cards due by `now` (+ learn-ahead), earliest due first, not limited;
 * 2. review cards due by `now` (or before `reviewsDueBefore`), lowest retrievability first (the ones most likely forgotten
 *    get the limited review slots), ties by due date, then input order; at most `reviewsLeft`;
 * 3. new cards in the given order, at most `newLeft`.
 * Cards are sorted into these groups by their state, whatever list they came in.
 */
export function orderQueue<T extends QueueCandidate>(
  input: QueueInput<T>,
  now: Date,
  settings: SchedulerSettings,
  limits: QueueLimits,
): T[] {
  const { newLeft, reviewsLeft, learnAheadMinutes = 0 } = limits;
  for (const [field, value] of Object.entries({ newLeft, reviewsLeft, learnAheadMinutes })) {
    if (!Number.isFinite(value) || value < 0) {
      throw new SchedulingInputError(field, value, "must be a number ≥ 0");
    }
  }
  const readRetrievability = retrievabilityReader(settings);
  const nowMs = now.getTime();
  const learnUntil = nowMs + learnAheadMinutes * 60_000;
  const reviewsUntil = Math.max(nowMs, limits.reviewsDueBefore?.getTime() ?? nowMs);

  const learning: T[] = [];
  const reviews: { card: T; r: number; index: number }[] = [];
  const fresh: T[] = [];
  [...input.learning, ...input.due, ...input.fresh].forEach((card, index) => {
    const { state, due } = card.state;
    if (state === "new") {
      fresh.push(card);
    } else if (state === "review") {
      if (due.getTime() <= reviewsUntil)
        reviews.push({ card, r: readRetrievability(card.state, now), index });
    } else if (due.getTime() <= learnUntil) {
      learning.push(card);
    }
  });

  learning.sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
  reviews.sort(
    (a, b) =>
      a.r - b.r || a.card.state.due.getTime() - b.card.state.due.getTime() || a.index - b.index,
  );
  return [
    ...learning,
    ...reviews.slice(0, Math.floor(reviewsLeft)).map((entry) => entry.card),
    ...fresh.slice(0, Math.floor(newLeft)),
  ];
}
