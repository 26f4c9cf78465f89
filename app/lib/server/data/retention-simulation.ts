import "#server-only";
import { answerCostsFrom, type RetentionSimulationInput, type SimulatedCard } from "@/app/lib/domain/scheduling";
import { answerDurationsQuery, simulatedCardsQuery } from "../sql/retention-simulation";
import { rowsOf } from "../sql/typed-query";
import { getUserSettings, schedulerSettingsOf, studiedCardCount } from "./settings";

const DAY_MS = 86_400_000;
/** The browser simulates at most this many of the user's cards (an even sample of more). */
const MAX_CARDS = 5_000;
/** The answers whose durations give the seconds per answer kind. */
const DURATION_SAMPLE = 3_000;

/**
 * What the optimal-retention simulation needs of the user, for their browser to run it: their
 * scheduler settings, their review cards' memory (days relative to now), how many cards they
 * have not studied and their daily new-card limit, and the seconds an answer takes them (medians
 * of their last answers by kind).
 */
export async function retentionSimulationInput(userId: string, now: Date): Promise<RetentionSimulationInput> {
  const row = await getUserSettings(userId);
  const [states, durations, total] = await Promise.all([
    rowsOf(simulatedCardsQuery(userId)),
    rowsOf(answerDurationsQuery(userId, DURATION_SAMPLE)),
    studiedCardCount(userId, row.studyAll),
  ]);
  const step = Math.max(1, states.length / MAX_CARDS);
  const cards: SimulatedCard[] = [];
  for (let i = 0; i < states.length; i += step) {
    const s = states[Math.floor(i)];
    if (!s) continue;
    cards.push({
      stability: s.stability,
      difficulty: s.difficulty,
      lastReviewDaysAgo: Math.max(0, (now.getTime() - s.lastReview.getTime()) / DAY_MS),
      dueInDays: (s.due.getTime() - now.getTime()) / DAY_MS,
    });
  }
  const costs = answerCostsFrom(
    durations.map((d) => ({ kind: d.state === 2 ? (d.rating === 1 ? "forget" : "recall") : "new", ms: d.durationMs })),
  );
  return {
    settings: schedulerSettingsOf(row),
    cards,
    newCards: Math.max(0, total - states.length),
    newPerDay: row.newPerDay,
    costs,
    days: 365,
    seed: 2026,
  };
}
