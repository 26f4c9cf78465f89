/**
 * Anki's card controls that are not answers: reset ("forget"), leeches, flags. Pure, like the
 * rest of the scheduler: `now` is an argument.
 */
import { buildScheduler, effectiveWeights, fromCard, toCard } from "./fsrs-adapter";
import { DEFAULT_SCHEDULER_SETTINGS, type StoredCardState } from "./types";

/** Flag colours by number, as Anki numbers them (Ctrl+1..4); 0 is no flag. */
export const CARD_FLAGS = [
  { flag: 0, name: "none" },
  { flag: 1, name: "red" },
  { flag: 2, name: "orange" },
  { flag: 3, name: "green" },
  { flag: 4, name: "blue" },
] as const;
export type CardFlag = (typeof CARD_FLAGS)[number]["flag"];
export const MAX_FLAG = 4;

/** Anki's default leech threshold: the eighth lapse makes a card a leech. */
export const DEFAULT_LEECH_THRESHOLD = 8;

/**
 * Resets a card to new ("forget"), keeping its review and lapse counts and its last review,
 * with ts-fsrs `forget(card, now, false)`: exactly what a replay of the log does when the next
 * answer's state before is "new" (`rescheduleFromLogs`), so the history stays consistent with
 * the state. The history itself is kept by the caller.
 */
export function forgetCard(state: StoredCardState, now: Date): StoredCardState {
  // forget does not read the weights or steps: the default settings build the scheduler.
  return fromCard(buildScheduler(DEFAULT_SCHEDULER_SETTINGS).forget(toCard(state), now, false).card);
}

/**
 * Whether an answer that took a card's lapses from `before` to `after` makes it a leech, as
 * Anki decides: at `threshold` lapses, and again every half threshold after that (rounded up,
 * at least 1), so a leech the user unsuspended is caught again if it keeps lapsing.
 */
export function isLeechLapse(before: number, after: number, threshold: number): boolean {
  if (after <= before || threshold < 1 || after < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / 2));
  return (after - threshold) % every === 0;
}

/**
 * The constants of the FSRS-6 forgetting curve for the weights (null = defaults), for code that
 * evaluates it elsewhere (the card browser ranks cards by it in SQL):
 * $$R(t, S) = \left(1 + \text{factor}\cdot\frac{t}{S}\right)^{-\text{decay}}, \quad
 *   \text{decay} = w_{20},\ \text{factor} = 0.9^{-1/\text{decay}} - 1$$
 */
export function forgettingCurveConstants(parameters: readonly number[] | null): { decay: number; factor: number } {
  const decay = effectiveWeights(parameters)[20] ?? 0.1542;
  return { decay, factor: Math.pow(0.9, -1 / decay) - 1 };
}
