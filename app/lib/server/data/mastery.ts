import "#server-only";
import { retrievabilityReader } from "@/app/lib/domain/scheduling";
import { db } from "../db";
import { cardStateColumns, storedStateOf, type CardStateRow } from "../sql/card-state";
import { getUserSettings, schedulerSettingsOf } from "./settings";
import { visiblePaperSql } from "./visibility";

/**
 * Mastery of each note for the user: the average probability of recalling its live cards now
 * (FSRS retrievability; a card never studied counts 0), keyed by paper id, 0..1. Notes
 * without live cards are absent. Two indexed reads and one pass over the user's card states.
 */
export async function masteryByPaper(userId: string, now: Date): Promise<Map<string, number>> {
  const [settingsRow, cardCounts, states] = await Promise.all([
    getUserSettings(userId),
    db.$queryRaw<{ paperId: string; n: number }[]>`
      SELECT c."paperId", count(*)::int AS n
        FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
       WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}
       GROUP BY c."paperId"`,
    db.$queryRaw<(CardStateRow & { paperId: string })[]>`
      SELECT c."paperId", ${cardStateColumns("s")}
        FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
       WHERE s."userId" = ${userId} AND s.state <> 0
         AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL AND ${visiblePaperSql(userId)}`,
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
