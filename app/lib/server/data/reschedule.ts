import "#server-only";
import {
  replayInput,
  rescheduleFromLogs,
  type ReplayedAnswer,
  stateToCode,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { rawTransaction, type Execute } from "../db";
import { replayLogsQuery, stateVersionsQuery } from "../sql/reschedule";
import { rowsOf } from "../sql/typed-query";
import { forEachSliced } from "../time-slices";
import { insertCardStates, updateCardStates, type CardStateFields } from "./user-data-writes";

/**
 * Card states recomputed from their review logs (after an import, new weights or a new desired
 * retention). The replay is CPU work (ts-fsrs, ~7 µs an answer): it runs in time slices so a
 * user with 100,000 answers does not hold up every other request of the process, and outside
 * the write transaction, which then only sends a few set-based statements.
 */

/** What the replay reads of a log: the rating, the time and whether the card was new. */
export type ReplayLog = ReplayedAnswer;

/**
 * Each card's state after replaying its history (oldest first) with `settings`. A card whose
 * replay fails keeps its state (and is logged): one bad history must not stop the others.
 */
export async function replayHistories(
  userId: string,
  histories: ReadonlyMap<string, readonly ReplayLog[]>,
  settings: SchedulerSettings,
): Promise<Map<string, StoredCardState>> {
  const states = new Map<string, StoredCardState>();
  await forEachSliced([...histories], ([cardId, history]) => {
    try {
      const next = rescheduleFromLogs(history.map(replayInput), settings);
      if (next) states.set(cardId, next);
    } catch (error) {
      console.error(`reschedule: card ${cardId} of user ${userId} kept its state`, error);
    }
  });
  return states;
}

/**
 * Writes replayed states: a new row (version 1) for a card that has none, an update (version + 1)
 * for one whose version is still `versions`' (a state answered meanwhile is left as it is).
 * Returns how many states were written.
 */
export async function writeReplayedStates(
  execute: Execute,
  userId: string,
  states: ReadonlyMap<string, StoredCardState>,
  versions: ReadonlyMap<string, number>,
  now: Date,
): Promise<number> {
  const fresh = new Map<string, CardStateFields>();
  const known = new Map<string, CardStateFields & { version: number }>();
  for (const [cardId, s] of states) {
    const fields = { ...s, state: stateToCode(s.state) };
    const version = versions.get(cardId);
    if (version === undefined) fresh.set(cardId, fields);
    else known.set(cardId, { ...fields, version });
  }
  return (
    (await insertCardStates(execute, userId, fresh, now, 1)) + (await updateCardStates(execute, userId, known, now, "if-unchanged"))
  );
}

/** The user's logs of `cardIds` (or of every card), grouped by card, oldest first. */
export async function readHistories(userId: string, cardIds: readonly string[] | null): Promise<Map<string, ReplayLog[]>> {
  // Plain pg, not Prisma: reading a long log row by row through Prisma costs ~10× the CPU.
  const rows = await rowsOf(replayLogsQuery(userId, cardIds));
  const byCard = new Map<string, ReplayLog[]>();
  for (const row of rows) {
    const list = byCard.get(row.cardId);
    if (list) list.push(row);
    else byCard.set(row.cardId, [row]);
  }
  return byCard;
}

/** The versions of the user's states of `cardIds` (or of every card). */
export async function readVersions(userId: string, cardIds: readonly string[] | null): Promise<Map<string, number>> {
  const rows = await rowsOf(stateVersionsQuery(userId, cardIds));
  return new Map(rows.map((r) => [r.cardId, r.version]));
}

/**
 * Recomputes the states of `cardIds` (or of every card the user has a log for) by replaying
 * their logs with `settings`. A state that changed meanwhile (its version moved) is left as it
 * is. Returns how many states were written.
 */
export async function rescheduleCards(
  userId: string,
  settings: SchedulerSettings,
  cardIds: readonly string[] | null,
  now: Date,
): Promise<number> {
  const [histories, versions] = await Promise.all([readHistories(userId, cardIds), readVersions(userId, cardIds)]);
  const states = await replayHistories(userId, histories, settings);
  return rawTransaction((execute) => writeReplayedStates(execute, userId, states, versions, now));
}
