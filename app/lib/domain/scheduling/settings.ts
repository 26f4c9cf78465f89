import { SchedulerSettingsError } from "./errors";
import type { SchedulerSettings, StepString } from "./types";

export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.99;
export const MAX_MAXIMUM_INTERVAL = 36500;
/** FSRS-6 has 21 weights w0..w20 (w20 is the decay of the forgetting curve). */
export const FSRS6_PARAMETER_COUNT = 21;

/** The lengths of the weight sets of FSRS-4.5, FSRS-5 and FSRS-6. */
export const FSRS_PARAMETER_COUNTS = [17, 19, 21] as const;
export type FsrsParameterCount = (typeof FSRS_PARAMETER_COUNTS)[number];

/** The FSRS version each weight-set length belongs to. */
export const FSRS_VERSION_OF: Record<FsrsParameterCount, string> = {
  17: "FSRS-4.5",
  19: "FSRS-5",
  21: "FSRS-6",
};

export function isFsrsParameterCount(count: number): count is FsrsParameterCount {
  return FSRS_PARAMETER_COUNTS.some((n) => n === count);
}

/** "FSRS-5" for 19 weights; null for a length no FSRS version has. */
export function fsrsVersionOf(count: number): string | null {
  return isFsrsParameterCount(count) ? FSRS_VERSION_OF[count] : null;
}

/** The longest (re)learning step: 365 days. Longer ones overflow dates inside ts-fsrs. */
export const MAX_STEP_MINUTES = 365 * 1440;
/** The most (re)learning steps a setting may have. */
export const MAX_STEP_COUNT = 10;

const STEP_PATTERN = /^([1-9]\d*)([mhd])$/;
const MINUTES_PER_UNIT = { m: 1, h: 60, d: 1440 } as const;

/**
 * True when `step` looks like "1m", "10m", "1h" or "1d" (a positive whole number and a unit)
 * and is at most `MAX_STEP_MINUTES` long.
 */
export function isStepString(step: string): step is StepString {
  const match = STEP_PATTERN.exec(step);
  if (!match || match[1] === undefined || match[2] === undefined) return false;
  const unit = match[2] as keyof typeof MINUTES_PER_UNIT;
  return Number(match[1]) * MINUTES_PER_UNIT[unit] <= MAX_STEP_MINUTES;
}

/** Length of a step such as "10m" or "1d" in minutes. */
export function stepToMinutes(step: string): number {
  const match = STEP_PATTERN.exec(step);
  if (!match || match[1] === undefined || match[2] === undefined) {
    throw new SchedulerSettingsError(
      "step",
      step,
      'expected a step like "1m", "10m", "1h" or "1d"',
    );
  }
  const unit = match[2];
  if (unit !== "m" && unit !== "h" && unit !== "d") {
    throw new SchedulerSettingsError("step", step, "unknown unit");
  }
  return Number(match[1]) * MINUTES_PER_UNIT[unit];
}

/**
 * Checks every setting and returns them unchanged, or throws a `SchedulerSettingsError` naming
 * the first bad field. Ranges: desired retention 0.70..0.99 (outside it FSRS's interval formula
 * gives either a review a day or intervals too long to be useful), maximum interval 1..36500
 * whole days, at most 10 steps like "1m"/"10m"/"1h"/"1d" of at most 365 days each, parameters
 * null, [] or 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) finite numbers (ts-fsrs converts the
 * older sets to FSRS-6's 21 as `migrateWeights` does).
 */
export function validateSchedulerSettings(settings: SchedulerSettings): SchedulerSettings {
  const {
    desiredRetention,
    maximumInterval,
    enableFuzz,
    learningSteps,
    relearningSteps,
    parameters,
  } = settings;
  if (
    typeof desiredRetention !== "number" ||
    !Number.isFinite(desiredRetention) ||
    desiredRetention < MIN_DESIRED_RETENTION ||
    desiredRetention > MAX_DESIRED_RETENTION
  ) {
    throw new SchedulerSettingsError(
      "desiredRetention",
      desiredRetention,
      `must be between ${MIN_DESIRED_RETENTION} and ${MAX_DESIRED_RETENTION}`,
    );
  }
  if (
    !Number.isInteger(maximumInterval) ||
    maximumInterval < 1 ||
    maximumInterval > MAX_MAXIMUM_INTERVAL
  ) {
    throw new SchedulerSettingsError(
      "maximumInterval",
      maximumInterval,
      `must be a whole number of days between 1 and ${MAX_MAXIMUM_INTERVAL}`,
    );
  }
  if (typeof enableFuzz !== "boolean") {
    throw new SchedulerSettingsError("enableFuzz", enableFuzz, "must be true or false");
  }
  for (const field of ["enableShortTerm", "loadBalance"] as const) {
    if (settings[field] !== undefined && typeof settings[field] !== "boolean") {
      throw new SchedulerSettingsError(field, settings[field], "must be true or false");
    }
  }
  const { easyDays } = settings;
  if (
    easyDays !== undefined &&
    (!Array.isArray(easyDays) ||
      (easyDays.length !== 0 && easyDays.length !== 7) ||
      easyDays.some((share) => typeof share !== "number" || !(share >= 0 && share <= 1)))
  ) {
    throw new SchedulerSettingsError("easyDays", easyDays, "must be empty or 7 shares from 0 to 1, Monday first");
  }
  checkSteps("learningSteps", learningSteps);
  checkSteps("relearningSteps", relearningSteps);
  if (parameters !== null) {
    if (
      !Array.isArray(parameters) ||
      (parameters.length !== 0 && !isFsrsParameterCount(parameters.length))
    ) {
      throw new SchedulerSettingsError(
        "parameters",
        parameters,
        "must be null or 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) weights",
      );
    }
    const bad = parameters.findIndex((w) => typeof w !== "number" || !Number.isFinite(w));
    if (bad !== -1) {
      throw new SchedulerSettingsError(
        `parameters[${bad}]`,
        parameters[bad],
        "must be a finite number",
      );
    }
  }
  return settings;
}

function checkSteps(field: string, steps: readonly string[]): void {
  if (!Array.isArray(steps)) {
    throw new SchedulerSettingsError(field, steps, "must be a list of steps");
  }
  if (steps.length > MAX_STEP_COUNT) {
    throw new SchedulerSettingsError(field, steps, `must have at most ${MAX_STEP_COUNT} steps`);
  }
  steps.forEach((step, index) => {
    if (typeof step !== "string" || !isStepString(step)) {
      throw new SchedulerSettingsError(
        `${field}[${index}]`,
        step,
        'expected a step like "1m", "10m", "1h" or "1d" of at most 365 days',
      );
    }
  });
}
