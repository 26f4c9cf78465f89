/**
 * FSRS weight sets of every version a user may hold: Anki users who optimised under FSRS-4.5
 * or FSRS-5 have 17 or 19 weights, FSRS-6 (this app, Anki 25.x) has 21. Sets are converted to
 * FSRS-6 exactly as ts-fsrs converts them (`migrateParameters`), and stored converted, so every
 * reader of the settings sees 21 weights (or none: the defaults).
 */
import { SchedulerSettingsError } from "./errors";
import { migrateWeights as migrateWithFsrs } from "./fsrs-adapter";
import { FSRS_VERSION_OF, isFsrsParameterCount, type FsrsParameterCount } from "./settings";

export interface WeightsMigration {
  /** FSRS-6's 21 weights, as ts-fsrs's `migrateParameters` gives them. */
  weights: number[];
  /** How many weights were given: 17, 19 or 21. */
  from: FsrsParameterCount;
  /** The given weights (by index, w0 = 0) outside FSRS's ranges, which ts-fsrs clips. */
  clipped: number[];
}

/**
 * Converts 17, 19 or 21 finite weights to FSRS-6's 21 (ts-fsrs `migrateParameters`):
 * - 21: kept as given (ts-fsrs clips them to FSRS-6's ranges when it builds a scheduler, as
 *   it always did; `clipped` names the ones it will clip);
 * - 19 (FSRS-5): clipped, then w19 = 0 (no same-day stability term) and the decay w20 = 0.5,
 *   FSRS-5's fixed forgetting curve, so the intervals are FSRS-5's;
 * - 17 (FSRS-4.5): clipped, then $w_4 \leftarrow w_4 + 2w_5$, $w_5 \leftarrow \ln(3w_5+1)/3$,
 *   $w_6 \leftarrow w_6 + 0.5$ (FSRS-5's new initial-difficulty formula), w17..w19 = 0, w20 = 0.5.
 * @see https://github.com/open-spaced-repetition/ts-fsrs (`migrateParameters`)
 */
export function migrateWeights(parameters: readonly number[]): WeightsMigration {
  const from = parameters.length;
  if (!isFsrsParameterCount(from)) {
    throw new SchedulerSettingsError(
      "parameters",
      parameters,
      "must be 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) weights",
    );
  }
  const bad = parameters.findIndex((w) => typeof w !== "number" || !Number.isFinite(w));
  if (bad !== -1) {
    throw new SchedulerSettingsError(`parameters[${bad}]`, parameters[bad], "must be a finite number");
  }
  return { ...migrateWithFsrs(parameters), from };
}

/**
 * What was done to a weight set, in words for the user: "19 FSRS-5 weights were converted to
 * FSRS-6's 21." (plus which weights were clipped, if any).
 */
export function describeWeightsMigration(migration: WeightsMigration): string {
  const { from, clipped } = migration;
  const head =
    from === 21
      ? "21 FSRS-6 weights were saved."
      : `${from} ${FSRS_VERSION_OF[from]} weights were converted to FSRS-6's 21.`;
  if (clipped.length === 0) return head;
  const names = clipped.map((i) => `w${i}`).join(", ");
  return `${head} ${clipped.length === 1 ? `${names} is` : `${clipped.length} weights (${names}) are`} outside FSRS's range: FSRS clips ${clipped.length === 1 ? "it" : "them"} to it.`;
}
