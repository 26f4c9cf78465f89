import "#server-only";
import { retrievabilityReader } from "@/app/lib/domain/scheduling";
import { storedStateOf } from "../sql/card-state";
import { liveCardsPerPaperQuery, studiedStatesByPaperQuery } from "../sql/mastery";
import { rowsOf } from "../sql/typed-query";
import { getUserSettings, schedulerSettingsOf } from "./settings";

/**
 * Mastery of each note for the user: the average probability of recalling its live cards now
 * (FSRS retrievability; a card never studied counts 0), keyed by paper id, 0..1. Notes
 * without live cards are absent. Two indexed reads and one pass over the user's card states.
 */
export async function masteryByPaper(userId: string, now: Date): Promise<Map<string, number>> {
  const [settingsRow, cardCounts, states] = await Promise.all([
    getUserSettings(userId),
    rowsOf(liveCardsPerPaperQuery(userId)),
    rowsOf(studiedStatesByPaperQuery(userId)),
  ]);
  const read = retrievabilityReader(schedulerSettingsOf(settingsRow));
  const sums = new Map<string, number>();
  for (const row of states) {
    const state = storedStateOf(row);
    // A review dated after `now` (clock skew) counts as just reviewed.
    const at = state.lastReview && state.lastReview > now ? state.lastReview : now;
    sums.set(row.paperId, (sums.get(row.paperId) ?? 0) + read(state, at));
  }
  const mastery = new Map<string, number>();
  for (const { paperId, n } of cardCounts) {
    if (n > 0) mastery.set(paperId, Math.min(1, (sums.get(paperId) ?? 0) / n));
  }
  return mastery;
}
