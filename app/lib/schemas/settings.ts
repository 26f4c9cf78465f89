import { z } from "zod";
import {
  isFsrsParameterCount,
  MAX_DESIRED_RETENTION,
  MAX_MAXIMUM_INTERVAL,
  MAX_STEP_COUNT,
  MAX_STEP_MINUTES,
  MIN_DESIRED_RETENTION,
  stepToMinutes,
} from "@/app/lib/domain/scheduling/settings";
import { migrateWeights, type WeightsMigration } from "@/app/lib/domain/scheduling/parameters";
import { DAILY_GOAL_KINDS } from "@/app/lib/domain/stats/daily-goal";

/**
 * The one definition of what a valid setting, card state and review log is. The settings
 * form, the import of an export, the review CSV import and the scheduler's reading of stored
 * settings all use these schemas, so nothing that is saved can later make the scheduler, the
 * queue or undo fail. Bounds are those of the scheduler (ts-fsrs) and of the column types
 * (int4 for Int, timestamps from 1970 to 2200).
 */

// ------------------------------------------------------------------------------ primitives

/** PostgreSQL `integer`. */
export const INT4_MAX = 2_147_483_647;
/** The earliest and latest instant the app stores (timestamps outside are refused). */
export const MIN_INSTANT_MS = Date.UTC(1970, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 1);
/** ts-fsrs's stability bounds (S_MIN, S_MAX); 0 is a new card's. */
export const MIN_STABILITY = 0.001;
export const MAX_STABILITY = 36500;
/** FSRS difficulty is 1..10; 0 is a new card's. */
export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 10;

/** True when `text` holds no NUL and no unpaired UTF-16 surrogate (PostgreSQL text refuses both). */
export function isStorableText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
const STORABLE_MESSAGE = "must not contain NUL characters or unpaired surrogates";

/** A string PostgreSQL can store, of at most `max` characters. */
export function storableText(max: number, min = 0) {
  return z.string().min(min).max(max).refine(isStorableText, STORABLE_MESSAGE);
}

/** Any JSON whose strings (and keys) PostgreSQL's jsonb can store. */
export const storableJson = z.json().superRefine((value, ctx) => {
  const bad = (v: unknown): boolean => {
    if (typeof v === "string") return !isStorableText(v);
    if (Array.isArray(v)) return v.some(bad);
    if (v && typeof v === "object") return Object.entries(v).some(([k, x]) => !isStorableText(k) || bad(x));
    return false;
  };
  if (bad(value)) ctx.addIssue({ code: "custom", message: `strings ${STORABLE_MESSAGE}` });
});

/** A whole number a PostgreSQL `integer` column holds, from `min`. */
export const int4 = (min = 0, max = INT4_MAX) =>
  z.number().int(`must be a whole number`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** A finite number from `min` to `max`. */
export const bounded = (min: number, max: number) =>
  z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const inRange = (d: Date) => {
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_INSTANT_MS && t <= MAX_INSTANT_MS;
};
/** An ISO date-time with offset, between 1970 and 2200, kept as the text. */
export const instantText = z.iso
  .datetime({ offset: true })
  .refine((s) => inRange(new Date(s)), "must be a real date between 1970 and 2200");
/** The same, as a `Date`. */
export const instant = instantText.transform((s) => new Date(s));

// ------------------------------------------------------------------------------ settings

const STEP = /^[1-9]\d*[mhd]$/;
const STEP_MESSAGE = 'Write steps like "1m 10m", "1h" or "1d".';

/** One (re)learning step: "10m", "1h", "2d", … at most 365 days. */
export const stepSchema = z
  .string()
  .regex(STEP, STEP_MESSAGE)
  .refine((step) => !STEP.test(step) || stepToMinutes(step) <= MAX_STEP_MINUTES, "A step may be at most 365 days.");
export const stepListSchema = z.array(stepSchema).max(MAX_STEP_COUNT, `Use at most ${MAX_STEP_COUNT} steps.`);

/** "1m 10m" or "1m, 10m" → ["1m", "10m"]; each step a positive whole number of m, h or d. */
export const stepsSchema = z
  .string()
  .trim()
  .max(200)
  .transform((text) => (text === "" ? [] : text.split(/[\s,]+/).filter(Boolean)))
  .pipe(stepListSchema);

const PARAMETER_COUNTS_TEXT = "17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6)";

/**
 * FSRS weights: none (the defaults) or 17, 19 or 21 finite numbers (ts-fsrs clips their ranges
 * and converts the older sets; what is saved is converted first, see `migrateWeights`).
 */
export const fsrsParametersSchema = z
  .array(z.number().refine(Number.isFinite, "must be a finite number"))
  .refine(
    (w) => w.length === 0 || isFsrsParameterCount(w.length),
    `must be empty (the defaults) or ${PARAMETER_COUNTS_TEXT} weights`,
  );

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Weights as a user pastes them, typically from Anki's deck options ("0.212, 1.2931, 2.3065,
 * …"; commas, spaces, semicolons or new lines between them, brackets around them allowed):
 * empty for the defaults, else 17, 19 or 21 numbers, converted to FSRS-6's 21 (the output
 * says what was done, for the user).
 */
export const weightsTextSchema = z
  .string()
  .max(2000, "That is too long for FSRS weights.")
  .transform((text, ctx): WeightsMigration | null => {
    const body = text.trim().replace(/^\[/, "").replace(/\]$/, "").trim();
    if (body === "") return null;
    const parts = body.split(/[\s,;]+/).filter(Boolean);
    const notNumber = parts.find((part) => !DECIMAL.test(part) || !Number.isFinite(Number(part)));
    if (notNumber !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${notNumber.slice(0, 20)}" is not a number. Paste the weights as Anki's deck options show them, like "0.212, 1.2931, 2.3065, …".`,
      });
      return z.NEVER;
    }
    if (!isFsrsParameterCount(parts.length)) {
      ctx.addIssue({
        code: "custom",
        message: `Found ${parts.length} numbers; FSRS has ${PARAMETER_COUNTS_TEXT} weights. Leave it empty for the defaults.`,
      });
      return z.NEVER;
    }
    return migrateWeights(parts.map(Number));
  });

/**
 * Easy days: each weekday's share of a normal day's reviews, Monday first: 1 normal, 0.5
 * reduced, 0 minimum (Anki's easy-days percentages). Seven normal days are stored as none.
 */
export const easyDaysSchema = z
  .array(z.number().min(0, "A day's share is from 0 to 1.").max(1, "A day's share is from 0 to 1."))
  .refine((days) => days.length === 0 || days.length === 7, "Give all seven weekdays, Monday first.")
  .transform((days) => (days.every((share) => share === 1) ? [] : days));

export const desiredRetentionSchema = z
  .number()
  .min(MIN_DESIRED_RETENTION, "Desired retention must be at least 0.70.")
  .max(MAX_DESIRED_RETENTION, "Desired retention must be at most 0.99.");
export const maximumIntervalSchema = z
  .number()
  .int("Use a whole number of days.")
  .min(1, "At least 1 day.")
  .max(MAX_MAXIMUM_INTERVAL, "At most 36,500 days (100 years).");
export const newPerDaySchema = z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(9999, "At most 9,999.");
export const reviewsPerDaySchema = z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(99999, "At most 99,999.");
export const leechThresholdSchema = z.number().int("Use a whole number.").min(1, "Use 1 or more.").max(99, "At most 99.");
export const dayStartHourSchema = z.number().int().min(0, "From 0 to 23.").max(23, "From 0 to 23.");

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = storableText(64, 1).refine(isTimeZone, "Choose a time zone from the list.");

/** What the scheduler reads from a settings row (parameters as stored: [] for the defaults). */
export const schedulerSettingsSchema = z.object({
  desiredRetention: desiredRetentionSchema,
  maximumInterval: maximumIntervalSchema,
  enableFuzz: z.boolean(),
  learningSteps: stepListSchema,
  relearningSteps: stepListSchema,
  parameters: fsrsParametersSchema,
  /** Absent in exports written before the setting existed: FSRS's default, on. */
  enableShortTerm: z.boolean().default(true),
  loadBalance: z.boolean().default(false),
  easyDays: z.lazy(() => easyDaysSchema).default([]),
});

/** A whole `UserSettings` row as export writes it and import reads it. */
export const storedSettingsSchema = schedulerSettingsSchema.extend({
  newPerDay: newPerDaySchema,
  reviewsPerDay: reviewsPerDaySchema,
  timeZone: timeZoneSchema,
  dayStartHour: dayStartHourSchema,
  studyAll: z.boolean(),
  parametersFitAt: instant.nullable(),
  /** Absent in exports written before the settings existed: on, the default. */
  buryReverseSiblings: z.boolean().default(true),
  buryClozeSiblings: z.boolean().default(true),
});

/** A number typed in a form field: words, not zod's "expected number, received NaN". */
const formNumber = () => z.coerce.number({ error: "Enter a number." });

/**
 * The scheduling settings form (a `UserSettings` row). `parameters`, the weights text, is sent
 * only when the user changed it (the optimizer may have fitted new ones meanwhile).
 */
export const settingsSchema = z.object({
  desiredRetention: formNumber().pipe(desiredRetentionSchema),
  maximumInterval: formNumber().pipe(maximumIntervalSchema),
  enableFuzz: z.boolean(),
  enableShortTerm: z.boolean().default(true),
  loadBalance: z.boolean().default(false),
  easyDays: easyDaysSchema.default([]),
  buryReverseSiblings: z.boolean().default(true),
  buryClozeSiblings: z.boolean().default(true),
  leechThreshold: formNumber().pipe(leechThresholdSchema).default(8),
  leechSuspend: z.boolean().default(true),
  learningSteps: stepsSchema,
  relearningSteps: stepsSchema,
  newPerDay: formNumber().pipe(newPerDaySchema),
  reviewsPerDay: formNumber().pipe(reviewsPerDaySchema),
  timeZone: z.string().trim().pipe(timeZoneSchema),
  dayStartHour: formNumber().pipe(dayStartHourSchema),
  studyAll: z.boolean(),
  parameters: weightsTextSchema.optional(),
});
export type SettingsInput = z.input<typeof settingsSchema>;

/** What the settings form sends: the settings, and whether to reschedule the studied cards now. */
export const settingsUpdateSchema = settingsSchema.extend({ reschedule: z.boolean().default(false) });
export type Settings = z.output<typeof settingsSchema>;

// ------------------------------------------------------------------------------ card state

const stabilitySchema = z
  .number()
  .min(0, "must be at least 0")
  .max(MAX_STABILITY, `must be at most ${MAX_STABILITY}`);
const difficultySchema = z
  .number()
  .min(0, "must be at least 0")
  .max(MAX_DIFFICULTY, `must be at most ${MAX_DIFFICULTY}`);
/** ts-fsrs codes: 0 new, 1 learning, 2 review, 3 relearning. */
export const stateCodeSchema = int4(0, 3);

const cardStateShape = {
  stability: stabilitySchema,
  difficulty: difficultySchema,
  elapsedDays: int4(),
  scheduledDays: int4(0, MAX_MAXIMUM_INTERVAL),
  learningSteps: int4(0, MAX_STEP_COUNT),
  reps: int4(),
  lapses: int4(),
  state: stateCodeSchema,
};

/** A studied card (not new) needs a memory state ts-fsrs accepts: S ≥ 0.001 and D in 1..10. */
export function checkMemory(
  s: { state: number; stability: number; difficulty: number },
  ctx: z.RefinementCtx,
): void {
  if (s.state === 0) return;
  if (s.stability < MIN_STABILITY) {
    ctx.addIssue({ code: "custom", path: ["stability"], message: `must be at least ${MIN_STABILITY} for a card that was studied` });
  }
  if (s.difficulty < MIN_DIFFICULTY) {
    ctx.addIssue({ code: "custom", path: ["difficulty"], message: `must be at least ${MIN_DIFFICULTY} for a card that was studied` });
  }
}

/** A card state's fields as stored (dates as `Date`); refine the object with `checkMemory`. */
export const cardStateFieldsShape = { ...cardStateShape, due: instant, lastReview: instant.nullable() };
export const cardStateFieldsSchema = z.object(cardStateFieldsShape).superRefine(checkMemory);

/** A review log's `previous` JSON (the card state before the answer, dates as ISO text). */
export const previousStateSchema = z
  .object({ ...cardStateShape, due: instantText, lastReview: instantText.nullable() })
  .superRefine(checkMemory);

/** The review-log fields that describe the answer (the memory values are those before it). */
export const reviewLogFieldsShape = {
  rating: int4(1, 4),
  state: stateCodeSchema,
  due: instant,
  stability: stabilitySchema,
  difficulty: difficultySchema,
  elapsedDays: int4(),
  lastElapsedDays: int4(),
  scheduledDays: int4(),
  learningSteps: int4(0, MAX_STEP_COUNT),
  reviewedAt: instant,
  durationMs: int4(),
  /** "review" (answered here; undo restores `previous`) or "import" (`previous` may be {}). */
  source: z.enum(["review", "import"]),
  previous: z
    .unknown()
    .superRefine((p, ctx) => {
      if (isEmptyObject(p)) return;
      const parsed = previousStateSchema.safeParse(p);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: issue.path.map(String), message: issue.message });
      }
    })
    .transform((p): Record<string, never> | z.output<typeof previousStateSchema> =>
      isEmptyObject(p) ? {} : previousStateSchema.parse(p),
    ),
};

function isEmptyObject(p: unknown): boolean {
  return typeof p === "object" && p !== null && !Array.isArray(p) && Object.keys(p).length === 0;
}

/** An answer given here ("review") needs its previous state: undo restores it. */
export function checkPrevious(log: { source: string; previous: object }, ctx: z.RefinementCtx): void {
  if (log.source === "review" && isEmptyObject(log.previous)) {
    ctx.addIssue({ code: "custom", path: ["previous"], message: "an answer given here needs the card state before it" });
  }
}

// ------------------------------------------------------------------------------ daily goal

/** The most reviews, or minutes, a daily goal may ask for. */
export const MAX_DAILY_GOAL = 1000;

/** The daily goal form: no goal, or a number of reviews or minutes a study day. */
export const dailyGoalSchema = z
  .object({
    kind: z.enum(DAILY_GOAL_KINDS, { error: "Choose no goal, reviews or minutes." }),
    target: z.coerce
      .number({ error: "Enter a number." })
      .int("Use a whole number.")
      .min(0, "Use 0 or more.")
      .max(MAX_DAILY_GOAL, `Use at most ${MAX_DAILY_GOAL}.`),
  })
  .refine((goal) => goal.kind === "none" || goal.target >= 1, { path: ["target"], message: "A goal needs at least 1." });
export type DailyGoalInput = z.output<typeof dailyGoalSchema>;
