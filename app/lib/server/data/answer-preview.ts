import "#server-only";
import {
  balancesDays,
  previewBalancedDays,
  previewOutcomes,
  studyDayOf,
  type BalancedDays,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { cachedDueCounts, readyDueCounts } from "./due-count-cache";
import { loadDueCounts, type StudyDayZone } from "./load-balance";

const DAY_MS = 86_400_000;

/** What the four answer buttons of a card show, again first. */
export interface AnswerPreview {
  /** Time until the card would be due after each answer, in milliseconds (the button's label). */
  intervalMs: [number, number, number, number];
  /**
   * The days the load balancer or easy days picked for each answer (null where the scheduler's
   * own interval stands): the label shows them, and the answer sends its own back.
   */
  days: BalancedDays;
}

export type AnswerPreviewer = (cardId: string, state: StoredCardState) => AnswerPreview;

/**
 * The preview of each card's answers for one queue read at `now`. When the user balances days,
 * the due counts are loaded first (or found in this process's cache, `due-count-cache.ts`) and
 * each answer's day is picked as the answer picks it (`previewBalancedDays`): same seed, same
 * counts (less the card itself), so the label is the day the answer will store. Call it at the
 * start of the queue read: the load runs beside the queue's own reads. Never rejects: when the
 * counts cannot be had, the days are null and each answer picks its own.
 */
export async function answerPreviewer(
  userId: string,
  zone: StudyDayZone,
  settings: SchedulerSettings,
  now: Date,
): Promise<AnswerPreviewer> {
  const balancing = balancesDays(settings);
  if (balancing) await readyDueCounts(userId, zone, now, loadDueCounts);
  const studyDay = studyDayOf(now, zone.timeZone, zone.dayStartHour);
  return (cardId, state) => {
    const outcomes = previewOutcomes(state, settings, now);
    const days: BalancedDays = balancing
      ? previewBalancedDays({
          cardId,
          before: state,
          outcomes,
          settings,
          now,
          studyDay,
          dueCounts: (range) => cachedDueCounts(userId, zone, now, range, state, null),
        })
      : [null, null, null, null];
    const interval = (i: 0 | 1 | 2 | 3) => {
      const picked = days[i];
      return picked === null ? outcomes[i].intervalMs : picked * DAY_MS;
    };
    return { intervalMs: [interval(0), interval(1), interval(2), interval(3)], days };
  };
}
