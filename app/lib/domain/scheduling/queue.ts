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
  /** `siblingGroupOf` the card when its siblings are buried; absent or null: none. */
  siblingGroup?: string | null | undefined;
}

export interface QueueInput<T extends QueueCandidate> {
  /** Cards in (re)learning steps. */
  learning: readonly T[];
  /** Review cards that may be due. */
  due: readonly T[];
  /** New cards, already in the order they should be introduced (prerequisites first). */
  fresh: readonly T[];
  /** Sibling groups of the cards answered since the study day began: their siblings wait until tomorrow. */
  answeredGroups?: ReadonlySet<string> | undefined;
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
 *
 * Siblings (Anki's "bury siblings"): a review or new card is left out (buried until the next
 * study day) when a card of its `siblingGroup` was answered today (`answeredGroups`) or comes
 * before it in this queue; (re)learning cards are never buried, but do bury their siblings.
 * Buried cards do not use up the limits. The card's state is not changed, so tomorrow's queue
 * has it again.
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
  const shown = new Set(input.answeredGroups);
  for (const card of learning) if (card.siblingGroup) shown.add(card.siblingGroup);
  const unburied = (cards: readonly T[], limit: number): T[] => {
    const kept: T[] = [];
    for (const card of cards) {
      if (kept.length >= limit) break;
      const group = card.siblingGroup;
      if (group && shown.has(group)) continue;
      if (group) shown.add(group);
      kept.push(card);
    }
    return kept;
  };
  return [
    ...learning,
    ...unburied(
      reviews.map((entry) => entry.card),
      Math.floor(reviewsLeft),
    ),
    ...unburied(fresh, Math.floor(newLeft)),
  ];
}
