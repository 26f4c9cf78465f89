import "#server-only";
import type { z } from "zod";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  estimateDailyWorkload,
  FSRS6_PARAMETER_COUNT,
  migrateWeights,
  type SchedulerSettings,
} from "@/app/lib/domain/scheduling";
import { schedulerSettingsSchema, type DailyGoalInput, type Settings } from "@/app/lib/schemas/settings";
import { DAILY_GOAL_KINDS, type DailyGoal, type DailyGoalKind } from "@/app/lib/domain/stats";
import { db } from "../db";
import { NEW_CARDS_BOUND_RESET } from "../sql/new-cards-bound";
import { addNewCardsTodayQuery } from "../sql/settings";
import { firstRowOf } from "../sql/typed-query";
import { visiblePapers } from "./visibility";

export interface UserSettingsRow {
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  enableShortTerm: boolean;
  loadBalance: boolean;
  easyDays: number[];
  buryReverseSiblings: boolean;
  buryClozeSiblings: boolean;
  leechThreshold: number;
  leechSuspend: boolean;
  learningSteps: string[];
  relearningSteps: string[];
  newPerDay: number;
  reviewsPerDay: number;
  timeZone: string;
  dayStartHour: number;
  studyAll: boolean;
  parameters: number[];
  parametersFitAt: Date | null;
  newCardsFrom: number;
  newCardsFromStamp: string;
  extraNewDay: string;
  extraNew: number;
  dailyGoalKind: string;
  dailyGoal: number;
}

const SELECT = {
  desiredRetention: true,
  maximumInterval: true,
  enableFuzz: true,
  enableShortTerm: true,
  loadBalance: true,
  easyDays: true,
  buryReverseSiblings: true,
  buryClozeSiblings: true,
  leechThreshold: true,
  leechSuspend: true,
  learningSteps: true,
  relearningSteps: true,
  newPerDay: true,
  reviewsPerDay: true,
  timeZone: true,
  dayStartHour: true,
  studyAll: true,
  parameters: true,
  parametersFitAt: true,
  newCardsFrom: true,
  newCardsFromStamp: true,
  extraNewDay: true,
  extraNew: true,
  dailyGoalKind: true,
  dailyGoal: true,
} as const;

/** The user's settings; the row is made with the defaults when sign-up did not make it. */
export async function getUserSettings(userId: string): Promise<UserSettingsRow> {
  const row = await db.userSettings.findUnique({ where: { userId }, select: SELECT });
  if (row) return row;
  // Two first requests of a user may race to create the row: the loser reads the winner's.
  await db.userSettings.createMany({ data: [{ userId }], skipDuplicates: true });
  return db.userSettings.findUniqueOrThrow({ where: { userId }, select: SELECT });
}

/**
 * What the pure scheduler needs from a settings row, checked with the same schema the settings
 * form and the import use. A stored value that fails it (written before the schema was this
 * strict, or by hand) is replaced by its default, so a bad row never makes the queue, the
 * answer or the settings page fail.
 */
export function schedulerSettingsOf(
  row: Pick<
    UserSettingsRow,
    "desiredRetention" | "maximumInterval" | "enableFuzz" | "enableShortTerm" | "learningSteps" | "relearningSteps" | "parameters"
  > &
    Partial<Pick<UserSettingsRow, "loadBalance" | "easyDays">>,
): SchedulerSettings {
  const d = DEFAULT_SCHEDULER_SETTINGS;
  const shape = schedulerSettingsSchema.shape;
  const pick = <K extends keyof typeof shape>(field: K, fallback: unknown) => {
    const parsed = shape[field].safeParse(row[field]);
    if (parsed.success) return parsed.data as z.output<(typeof shape)[K]>;
    console.warn(`settings: stored ${field} is invalid, using the default`, parsed.error.issues[0]?.message);
    return fallback as z.output<(typeof shape)[K]>;
  };
  // Saved weights are FSRS-6's 21 already; a 17/19 set written by hand is converted here.
  const given = pick("parameters", []);
  const parameters = given.length === 0 || given.length === FSRS6_PARAMETER_COUNT ? given : migrateWeights(given).weights;
  return {
    desiredRetention: pick("desiredRetention", d.desiredRetention),
    maximumInterval: pick("maximumInterval", d.maximumInterval),
    enableFuzz: pick("enableFuzz", d.enableFuzz),
    learningSteps: pick("learningSteps", [...d.learningSteps]),
    relearningSteps: pick("relearningSteps", [...d.relearningSteps]),
    parameters: parameters.length > 0 ? parameters : null,
    enableShortTerm: pick("enableShortTerm", true),
    // Where the day is picked (not the memory model): absent from a row read without them, off.
    loadBalance: row.loadBalance === undefined ? false : pick("loadBalance", false),
    easyDays: row.easyDays === undefined ? [] : pick("easyDays", []),
  };
}

/**
 * Saves the form. Weights are written only when the form sends them (the user changed them;
 * the optimizer writes fitted ones): FSRS-6's 21 as converted, no longer "fitted".
 */
export async function saveUserSettings(userId: string, input: Settings): Promise<UserSettingsRow> {
  const { parameters, ...rest } = input;
  const weights = parameters === undefined ? {} : { parameters: parameters?.weights ?? [], parametersFitAt: null };
  return db.userSettings.upsert({
    where: { userId },
    create: { userId, ...rest, ...weights },
    // What is studied may have changed: look for new cards from the first note again.
    update: { ...rest, ...weights, ...NEW_CARDS_BOUND_RESET },
    select: SELECT,
  });
}

/** Retentions at which the settings page shows the workload; the form interpolates between. */
export const WORKLOAD_RETENTIONS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99] as const;
/** Tables by the settings they were simulated with; most users share the default one. */
const workloadCache = new Map<string, { retention: number; reviewsPerCardPerDay: number }[]>();
const WORKLOAD_CACHE_LIMIT = 200;

/**
 * Expected reviews a day per card at each retention of `WORKLOAD_RETENTIONS`, simulated with
 * the user's own weights, steps and maximum interval (about 0.2 s per retention, so computed
 * once per process for each distinct set of settings; the optimizer warms it for the
 * parameters it applies).
 */
export function workloadTable(
  row: Parameters<typeof schedulerSettingsOf>[0],
): { retention: number; reviewsPerCardPerDay: number }[] {
  const base = schedulerSettingsOf(row);
  const key = JSON.stringify([base.parameters, base.learningSteps, base.relearningSteps, base.maximumInterval, base.enableShortTerm]);
  let table = workloadCache.get(key);
  if (!table) {
    table = WORKLOAD_RETENTIONS.map((retention) => ({
      retention,
      reviewsPerCardPerDay: estimateDailyWorkload(retention, 1, base).reviewsPerCardPerDay,
    }));
    if (workloadCache.size >= WORKLOAD_CACHE_LIMIT) workloadCache.clear();
    workloadCache.set(key, table);
  }
  return table;
}

/** Cards the user studies (live, in the study set or all notes): the base of the workload estimate. */
export async function studiedCardCount(userId: string, studyAll: boolean): Promise<number> {
  return db.card.count({
    where: {
      retiredAt: null,
      paper: { retiredAt: null, ...visiblePapers(userId), ...(studyAll ? {} : { studySets: { some: { userId } } }) },
    },
  });
}

/** Moves the user's study days to another zone (the zone offer on the review page). */
export async function saveTimeZone(userId: string, timeZone: string): Promise<void> {
  await db.userSettings.upsert({ where: { userId }, create: { userId, timeZone }, update: { timeZone } });
}

/**
 * Chooses between studying all notes and the study set only (the study-set button's "switch
 * back", the same field as the settings form's). New cards are looked for from the first note again.
 */
export async function saveStudyAll(userId: string, studyAll: boolean): Promise<void> {
  await db.userSettings.upsert({ where: { userId }, create: { userId, studyAll }, update: { studyAll, ...NEW_CARDS_BOUND_RESET } });
}

/** Saves the daily goal (the settings page's own small form); "none" keeps no target. */
export async function saveDailyGoal(userId: string, goal: DailyGoalInput): Promise<void> {
  const data = { dailyGoalKind: goal.kind, dailyGoal: goal.kind === "none" ? 0 : goal.target };
  await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** The stored daily goal as the domain reads it: an unknown kind (written by hand) is no goal. */
export function dailyGoalOf(row: Pick<UserSettingsRow, "dailyGoalKind" | "dailyGoal">): DailyGoal {
  const kind = (DAILY_GOAL_KINDS as readonly string[]).includes(row.dailyGoalKind) ? (row.dailyGoalKind as DailyGoalKind) : "none";
  return { kind, target: Math.max(0, row.dailyGoal) };
}

/** The most new cards one "study more today" may add, and in all on one day. */
export const MAX_EXTRA_NEW_TODAY = 500;

/**
 * Raises today's new-card limit by `count` (Anki's custom study "increase today's new card
 * limit"): only for the user's current study day, added to what was raised earlier today.
 */
export async function addNewCardsToday(userId: string, count: number, today: string): Promise<number> {
  const row = await firstRowOf(addNewCardsTodayQuery(userId, count, today, MAX_EXTRA_NEW_TODAY));
  return row?.extraNew ?? 0;
}
