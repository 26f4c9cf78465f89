/**
 * What must hold after a load run, read from the database:
 * - every answer the server acknowledged is in ReviewLog exactly once, unless its undo was
 *   acknowledged (undo deletes the log), and no other answer of these users is there;
 * - every CardState equals a replay of its logs (the domain's rescheduleFromLogs) with the
 *   user's settings, as answerCard reads them; with the load balancer or easy days on, the last
 *   answer's day may differ from the replay's, but only within the fuzz range of FSRS's own
 *   interval for that answer (what the balancer picks from), and due is then that many whole
 *   days after the answer; a card moved by "I was away" / "I have time" since its last answer
 *   has the day of its last RescheduleLog row (the manual-reschedule log, as Anki keeps one).
 */
import type pg from "pg";
import {
  applyGrade,
  balanceRangeOf,
  balancesDays,
  DEFAULT_SCHEDULER_SETTINGS,
  forgetCard,
  newCardState,
  rescheduleFromLogs,
  replayInput,
  type SchedulerSettings,
  type StoredReviewLog,
} from "@/app/lib/domain/scheduling";
import { schedulerSettingsSchema } from "@/app/lib/schemas/settings";
import { cardStateColumns, storedStateOf, type CardStateRow } from "@/app/lib/server/sql/card-state";
import type { AnswerLedger } from "./answer-outbox";

export interface InvariantReport {
  expectedLogs: number;
  foundLogs: number;
  states: number;
  /** States whose due date is earlier than the replay's: brought forward by a missed quiz question. */
  broughtForward: number;
  /** States whose last answer's day the load balancer / easy days moved within its fuzz range. */
  balanced: number;
  /** States moved by "I was away" / "I have time" since their last answer (RescheduleLog). */
  rescheduled: number;
  violations: string[];
}

/** A card state row as the app reads it, with its owner and card. */
type StateRow = CardStateRow & { userId: string; cardId: string };

interface LogRow {
  userId: string;
  cardId: string;
  rating: number;
  state: number;
  reviewedAt: Date;
}

interface SettingsRow {
  userId: string;
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  enableShortTerm: boolean;
  learningSteps: string[];
  relearningSteps: string[];
  parameters: number[] | null;
  loadBalance: boolean;
  easyDays: number[];
}

/** The settings answerCard schedules with: the defaults without a row, else the row's. */
function settingsOf(row: SettingsRow | undefined): SchedulerSettings {
  if (!row) return DEFAULT_SCHEDULER_SETTINGS;
  // As answerCard reads a row: a NULL parameters column means the default weights.
  const parsed = schedulerSettingsSchema.parse({ ...row, parameters: row.parameters ?? [] });
  return { ...parsed, parameters: parsed.parameters.length > 0 ? parsed.parameters : null };
}

/** Checks the answers of users whose ledgers we kept (by user id). */
export async function checkAnswerLog(
  db: pg.Client,
  ledgers: ReadonlyMap<string, AnswerLedger>,
): Promise<InvariantReport> {
  const violations: string[] = [];
  const userIds = [...ledgers.keys()];
  const logs = await db.query<{ userId: string; clientId: string; n: number; source: string }>(
    `SELECT "userId", "clientId", source, count(*)::int AS n FROM "ReviewLog" WHERE "userId" = ANY($1)
      GROUP BY "userId", "clientId", source`,
    [userIds],
  );
  const found = new Map<string, Map<string, number>>();
  for (const row of logs.rows) {
    if (!found.has(row.userId)) found.set(row.userId, new Map());
    found.get(row.userId)?.set(row.clientId, row.n);
  }
  let expectedLogs = 0;
  for (const [userId, ledger] of ledgers) {
    const logged = found.get(userId) ?? new Map<string, number>();
    for (const clientId of ledger.acked.keys()) {
      const n = logged.get(clientId) ?? 0;
      if (ledger.undone.has(clientId)) {
        if (n !== 0)
          violations.push(`${userId}/${clientId}: undone (acknowledged) but still logged ${n}×`);
        continue;
      }
      expectedLogs += 1;
      if (n === 0)
        violations.push(`${userId}/${clientId}: acknowledged but not in ReviewLog (lost)`);
      if (n > 1) violations.push(`${userId}/${clientId}: logged ${n}× (doubled)`);
    }
    for (const [clientId] of logged) {
      if (!ledger.acked.has(clientId)) {
        const refused = ledger.refused.get(clientId);
        violations.push(
          `${userId}/${clientId}: in ReviewLog but never acknowledged${refused ? ` (refused with ${refused})` : ""}`,
        );
      }
    }
    violations.push(...ledger.faults.map((f) => `${userId}: ${f}`));
  }
  const foundLogs = logs.rows.reduce((sum, r) => sum + r.n, 0);
  const replay = await checkReplay(db, userIds);
  return { expectedLogs, foundLogs, ...replay, violations: [...violations, ...replay.violations] };
}

/** Every CardState of these users against a replay of its logs with the user's settings. */
export async function checkReplay(
  db: pg.Client,
  userIds: readonly string[],
): Promise<{ states: number; broughtForward: number; balanced: number; rescheduled: number; violations: string[] }> {
  const violations: string[] = [];
  // One after the other: a pg.Client runs one query at a time.
  const states = await db.query<StateRow>(
    `SELECT "userId", "cardId", ${cardStateColumns("s").text} FROM "CardState" s WHERE "userId" = ANY($1)`,
    [userIds],
  );
  const logs = await db.query<LogRow>(
    `SELECT "userId", "cardId", rating, state, "reviewedAt" FROM "ReviewLog" WHERE "userId" = ANY($1)
        ORDER BY "reviewedAt", "createdAt", id`,
    [userIds],
  );
  const settings = await db.query<SettingsRow>(
    `SELECT "userId", "desiredRetention", "maximumInterval", "enableFuzz", "enableShortTerm", "learningSteps", "relearningSteps", parameters,
              "loadBalance", "easyDays"
         FROM "UserSettings" WHERE "userId" = ANY($1)`,
    [userIds],
  );
  const settingsBy = new Map(settings.rows.map((r) => [r.userId, settingsOf(r)]));
  const reschedules = await db.query<{ userId: string; cardId: string; at: Date; dueAfter: Date; scheduledDaysAfter: number }>(
    `SELECT DISTINCT ON ("userId", "cardId") "userId", "cardId", at, "dueAfter", "scheduledDaysAfter"
       FROM "RescheduleLog" WHERE "userId" = ANY($1) ORDER BY "userId", "cardId", at DESC`,
    [userIds],
  );
  const rescheduledBy = new Map(reschedules.rows.map((r) => [`${r.userId}/${r.cardId}`, r]));
  const logsBy = new Map<string, StoredReviewLog[]>();
  for (const log of logs.rows) {
    const key = `${log.userId}/${log.cardId}`;
    const stored = replayInput(log);
    logsBy.set(key, [...(logsBy.get(key) ?? []), stored]);
  }
  let broughtForward = 0;
  let balanced = 0;
  let rescheduledByHand = 0;
  for (const row of states.rows) {
    const key = `${row.userId}/${row.cardId}`;
    const cardLogs = logsBy.get(key) ?? [];
    const cardSettings = settingsBy.get(row.userId) ?? DEFAULT_SCHEDULER_SETTINGS;
    const rescheduled = rescheduleFromLogs(cardLogs, cardSettings);
    // A card reset ("forget") since its last answer is new with its counts kept: a reset is
    // not an answer, so it has no log; the next answer's log (state before "new") replays it.
    const reset = rescheduled !== null && rescheduled.state !== "new" && row.state === 0;
    const manual = rescheduledBy.get(key);
    const byHand =
      !reset && rescheduled && manual && manual.at.getTime() > (rescheduled.lastReview?.getTime() ?? -Infinity)
        ? { scheduledDays: manual.scheduledDaysAfter, due: manual.dueAfter }
        : null;
    if (byHand) rescheduledByHand += 1;
    const moved = reset ? null : (byHand ?? (rescheduled && balancedDay(cardLogs, cardSettings, rescheduled, row)));
    if (moved && !byHand) balanced += 1;
    // A balanced day stands for the replay's: the rest must still be the replay's.
    const expected = reset
      ? forgetCard(rescheduled, rescheduled.due)
      : moved && rescheduled
        ? { ...rescheduled, scheduledDays: moved.scheduledDays, due: moved.due }
        : rescheduled;
    // `due` is compared apart below (a quiz may bring it forward).
    const { due: _due, ...stored } = storedStateOf(row);
    const actual = { ...stored, lastReview: stored.lastReview?.toISOString() ?? null };
    // No log left (every answer undone): the card is new again, as it was before them.
    const want = expected
      ? { ...expected, due: undefined, lastReview: expected.lastReview?.toISOString() ?? null }
      : {
          stability: 0,
          difficulty: 0,
          elapsedDays: 0,
          scheduledDays: 0,
          learningSteps: 0,
          reps: 0,
          lapses: 0,
          state: "new",
          lastReview: null,
        };
    const diffs = (Object.keys(actual) as (keyof typeof actual)[])
      .filter((field) => actual[field] !== want[field])
      .map((field) => `${field} ${String(actual[field])} ≠ replay ${String(want[field])}`);
    if (expected && !reset) {
      // A missed quiz question brings its cards forward (due = then, no log): earlier, never later.
      const dueDiff = row.due.getTime() - expected.due.getTime();
      if (dueDiff > 0)
        diffs.push(`due ${row.due.toISOString()} later than replay ${expected.due.toISOString()}`);
      if (dueDiff < 0) broughtForward += 1;
    }
    if (diffs.length > 0)
      violations.push(
        `${key}: state differs from a replay of its ${logsBy.get(key)?.length ?? 0} logs: ${diffs.join("; ")}`,
      );
  }
  return { states: states.rows.length, broughtForward, balanced, rescheduled: rescheduledByHand, violations };
}

const DAY_MS = 86_400_000;

/**
 * The day the load balancer / easy days gave the card's last answer, when they did: the user
 * has them on, the stored interval differs from the replay's, lies within the fuzz range of
 * FSRS's own interval for that answer (`balanceRangeOf`, what the balancer draws from) and the
 * due date is no later than that many whole days after the answer. Null otherwise (then the
 * replay's day is required, as before).
 */
function balancedDay(
  logs: readonly StoredReviewLog[],
  settings: SchedulerSettings,
  replay: NonNullable<ReturnType<typeof rescheduleFromLogs>>,
  row: StateRow,
): { scheduledDays: number; due: Date } | null {
  const last = logs[logs.length - 1];
  if (!last || !balancesDays(settings) || row.scheduledDays === replay.scheduledDays) return null;
  const earlier = logs.length > 1 && last.state !== "new" ? rescheduleFromLogs(logs.slice(0, -1), settings) : null;
  const before = earlier ?? newCardState(last.reviewedAt);
  const result = applyGrade(before, last.rating, settings, last.reviewedAt);
  const range = balanceRangeOf(before, last.rating, result, settings, last.reviewedAt);
  if (!range || row.scheduledDays < range.minDays || row.scheduledDays > range.maxDays) return null;
  const due = new Date(last.reviewedAt.getTime() + row.scheduledDays * DAY_MS);
  return row.due.getTime() <= due.getTime() ? { scheduledDays: row.scheduledDays, due } : null;
}
