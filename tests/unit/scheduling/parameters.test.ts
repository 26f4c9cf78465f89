import { createEmptyCard, default_w, fsrs, generatorParameters, migrateParameters, type StepUnit } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import {
  applyGrade,
  describeWeightsMigration,
  migrateWeights,
  newCardState,
  SchedulerSettingsError,
  validateSchedulerSettings,
  type ReviewRating,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { weightsTextSchema } from "@/app/lib/schemas/settings";

import { BASE_SETTINGS, DAY, directScheduler, T0 } from "./helpers";

/** FSRS-5's default weights (ts-fsrs 4.x, Anki 24.11): what an FSRS-5 user optimised from. */
const FSRS5_WEIGHTS = [
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
  1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
/** FSRS-4.5's default weights (Anki 23.10): 17 of them. */
const FSRS45_WEIGHTS = [
  0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072,
  0.0793, 0.3246, 1.587, 0.2272, 2.8755,
];
/** A user's FSRS-6 weights (not the defaults), as Anki 25.x shows them. */
const FSRS6_WEIGHTS = [
  0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849,
  0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2,
];
const SETS: [string, number[]][] = [
  ["17 FSRS-4.5", FSRS45_WEIGHTS],
  ["19 FSRS-5", FSRS5_WEIGHTS],
  ["21 FSRS-6", FSRS6_WEIGHTS],
];

describe("migrateWeights", () => {
  for (const [name, weights] of SETS) {
    it(`converts ${name} weights to the 21 that ts-fsrs's migrateParameters gives`, () => {
      const migration = migrateWeights(weights);
      expect(migration.from).toBe(weights.length);
      expect(migration.weights).toHaveLength(21);
      expect(migration.weights).toEqual(migrateParameters(weights));
      expect(migration.clipped).toEqual([]);
    });

    for (const relearningSteps of [[], ["10m"], ["10m", "1h", "1d"]]) {
      for (const enableShortTerm of [true, false]) {
        it(`gives the scheduler ts-fsrs builds from the ${name} weights themselves (relearning ${JSON.stringify(relearningSteps)}, short-term ${enableShortTerm})`, () => {
          const build = (w: number[]) =>
            fsrs(
              generatorParameters({
                w,
                relearning_steps: relearningSteps as StepUnit[],
                enable_short_term: enableShortTerm,
              }),
            ).parameters.w;
          expect(build(migrateWeights(weights).weights)).toEqual(build(weights));
        });
      }
    }

    it(`schedules a card with the stored ${name} conversion as ts-fsrs does with the original weights`, () => {
      const stored: SchedulerSettings = { ...BASE_SETTINGS, parameters: migrateWeights(weights).weights };
      const direct = directScheduler({ ...BASE_SETTINGS, parameters: weights });
      let card = createEmptyCard(T0);
      let state: StoredCardState = newCardState(T0);
      let at = T0;
      const ratings: ReviewRating[] = [3, 3, 3, 1, 3, 4, 2, 3];
      for (const rating of ratings) {
        card = direct.next(card, at, rating).card;
        state = applyGrade(state, rating, stored, at).next;
        expect(state.due.getTime()).toBe(card.due.getTime());
        expect(state.stability).toBe(card.stability);
        expect(state.difficulty).toBe(card.difficulty);
        at = new Date(card.due.getTime() + DAY / 3);
      }
    });
  }

  it("gives FSRS-5 and FSRS-4.5 sets FSRS-5's fixed decay 0.5 and no same-day term", () => {
    expect(migrateWeights(FSRS5_WEIGHTS).weights.slice(19)).toEqual([0, 0.5]);
    expect(migrateWeights(FSRS45_WEIGHTS).weights.slice(17)).toEqual([0, 0, 0, 0.5]);
  });

  it("rewrites FSRS-4.5's initial difficulty weights w4..w6 for FSRS-5's formula", () => {
    const [w4 = 0, w5 = 0, w6 = 0] = FSRS45_WEIGHTS.slice(4, 7);
    const migrated = migrateWeights(FSRS45_WEIGHTS).weights;
    expect(migrated[4]).toBeCloseTo(w4 + 2 * w5, 8);
    expect(migrated[5]).toBeCloseTo(Math.log(3 * w5 + 1) / 3, 8);
    expect(migrated[6]).toBeCloseTo(w6 + 0.5, 8);
  });

  it("keeps 21 weights as given, and names those ts-fsrs will clip", () => {
    const outside = FSRS6_WEIGHTS.map((w, i) => (i === 7 ? 5 : i === 4 ? 0.5 : w));
    const migration = migrateWeights(outside);
    expect(migration.weights).toEqual(outside);
    expect(migration.clipped).toEqual([4, 7]);
    expect(migrateWeights([...default_w]).clipped).toEqual([]);
  });

  it("clips a 19-weight set as ts-fsrs's conversion does", () => {
    const outside = FSRS5_WEIGHTS.map((w, i) => (i === 7 ? 5 : w));
    const migration = migrateWeights(outside);
    expect(migration.clipped).toEqual([7]);
    expect(migration.weights[7]).toBe(0.75);
    expect(migration.weights).toEqual(migrateParameters(outside));
  });

  it("refuses a set of a length no FSRS version has, and non-finite weights", () => {
    expect(() => migrateWeights(FSRS5_WEIGHTS.slice(0, 18))).toThrow(SchedulerSettingsError);
    expect(() => migrateWeights([])).toThrow(SchedulerSettingsError);
    expect(() => migrateWeights(FSRS5_WEIGHTS.map((w, i) => (i === 2 ? Number.NaN : w)))).toThrow(
      /parameters\[2\]/,
    );
  });
});

describe("describeWeightsMigration", () => {
  it("tells the user what was done", () => {
    expect(describeWeightsMigration(migrateWeights(FSRS5_WEIGHTS))).toBe(
      "19 FSRS-5 weights were converted to FSRS-6's 21.",
    );
    expect(describeWeightsMigration(migrateWeights(FSRS45_WEIGHTS))).toBe(
      "17 FSRS-4.5 weights were converted to FSRS-6's 21.",
    );
    expect(describeWeightsMigration(migrateWeights(FSRS6_WEIGHTS))).toBe("21 FSRS-6 weights were saved.");
    expect(
      describeWeightsMigration(migrateWeights(FSRS6_WEIGHTS.map((w, i) => (i === 7 ? 5 : w)))),
    ).toBe("21 FSRS-6 weights were saved. w7 is outside FSRS's range: FSRS clips it to it.");
  });
});

describe("validateSchedulerSettings with older weight sets", () => {
  it("accepts 17, 19 and 21 weights and refuses 18 and 20", () => {
    for (const [, weights] of SETS) {
      expect(() => validateSchedulerSettings({ ...BASE_SETTINGS, parameters: weights })).not.toThrow();
    }
    for (const length of [18, 20]) {
      expect(() =>
        validateSchedulerSettings({ ...BASE_SETTINGS, parameters: FSRS6_WEIGHTS.slice(0, length) }),
      ).toThrow(SchedulerSettingsError);
    }
  });
});

describe("the weights text field", () => {
  it("reads a comma-separated paste from Anki's deck options", () => {
    const parsed = weightsTextSchema.parse(FSRS5_WEIGHTS.join(", "));
    expect(parsed).toEqual(migrateWeights(FSRS5_WEIGHTS));
  });

  it("reads weights separated by new lines, spaces or semicolons, in brackets", () => {
    expect(weightsTextSchema.parse(`[${FSRS6_WEIGHTS.join(",\n")}]`)?.weights).toEqual(FSRS6_WEIGHTS);
    expect(weightsTextSchema.parse(` ${FSRS45_WEIGHTS.join("; ")} `)?.from).toBe(17);
    expect(weightsTextSchema.parse(FSRS6_WEIGHTS.map(String).join(" "))?.weights).toEqual(FSRS6_WEIGHTS);
  });

  it("is empty for the defaults", () => {
    expect(weightsTextSchema.parse("   ")).toBeNull();
    expect(weightsTextSchema.parse("[]")).toBeNull();
  });

  it("says how many numbers it found when no FSRS version has that many", () => {
    const result = weightsTextSchema.safeParse(FSRS5_WEIGHTS.slice(0, 18).join(", "));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Found 18 numbers; FSRS has 17 \(FSRS-4\.5\), 19 \(FSRS-5\) or 21 \(FSRS-6\)/);
  });

  it("names what is not a number", () => {
    const result = weightsTextSchema.safeParse(["0.4", "abc", ...FSRS5_WEIGHTS.slice(2)].join(", "));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^"abc" is not a number/);
    expect(weightsTextSchema.safeParse(FSRS5_WEIGHTS.map((w, i) => (i === 0 ? "1e999" : String(w))).join(",")).success).toBe(false);
  });
});
