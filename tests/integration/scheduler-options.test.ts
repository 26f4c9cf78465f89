import { migrateParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { getUserSettings, saveUserSettings, schedulerSettingsOf } from "@/app/lib/server/data/settings";
import { importUserData } from "@/app/lib/server/data/user-data";
import { settingsSchema } from "@/app/lib/schemas/settings";
import { USER_DATA_FORMAT, USER_DATA_VERSION, userDataSchema } from "@/app/lib/schemas/user-data";

const unique = () => `sched-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

/** FSRS-5's default weights, as Anki 24.11's deck options show them. */
const FSRS5_WEIGHTS = [
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605,
  2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
const FSRS45_WEIGHTS = [
  0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587,
  0.2272, 2.8755,
];

const FORM = {
  desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, learningSteps: "1m 10m", relearningSteps: "10m",
  newPerDay: 20, reviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4, studyAll: true,
};

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: settings } }, select: { id: true } });
}

describe("weights of every FSRS version", () => {
  it("are saved from the settings form as FSRS-6's 21, converted as ts-fsrs converts them, and no longer count as fitted", async () => {
    const fitted = Array.from({ length: 21 }, (_, i) => (i + 1) / 10);
    const user = await newUser({ parameters: fitted, parametersFitAt: new Date() });
    const saved = await saveUserSettings(user.id, settingsSchema.parse({ ...FORM, parameters: FSRS5_WEIGHTS.join(", ") }));
    expect(saved.parameters).toEqual(migrateParameters(FSRS5_WEIGHTS));
    expect(saved.parametersFitAt).toBeNull();
    expect(schedulerSettingsOf(saved).parameters).toEqual(migrateParameters(FSRS5_WEIGHTS));
  });

  it("are left alone when the form does not send them, and cleared by an empty field", async () => {
    const fitted = Array.from({ length: 21 }, (_, i) => (i + 1) / 10);
    const fitAt = new Date("2026-01-02T03:04:05Z");
    const user = await newUser({ parameters: fitted, parametersFitAt: fitAt });
    const kept = await saveUserSettings(user.id, settingsSchema.parse({ ...FORM, newPerDay: 7 }));
    expect(kept).toMatchObject({ parameters: fitted, parametersFitAt: fitAt, newPerDay: 7 });
    const cleared = await saveUserSettings(user.id, settingsSchema.parse({ ...FORM, parameters: "  " }));
    expect(cleared).toMatchObject({ parameters: [], parametersFitAt: null });
    expect(schedulerSettingsOf(cleared).parameters).toBeNull();
  });

  it("are imported from a file holding FSRS-4.5's 17 as FSRS-6's 21, and the summary says so", async () => {
    const user = await newUser();
    const file = userDataSchema.parse({
      format: USER_DATA_FORMAT,
      version: USER_DATA_VERSION,
      exportedAt: "2026-03-10T16:00:00.000Z",
      settings: {
        ...FORM, learningSteps: ["1m", "10m"], relearningSteps: ["10m"], parameters: FSRS45_WEIGHTS, parametersFitAt: null,
      },
      studySet: [],
      cardStates: [],
      reviewLogs: [],
      quizAttempts: [],
    });
    const summary = await importUserData(user.id, file);
    expect(summary.settings).toBe("replaced");
    expect(summary.weights).toBe("17 FSRS-4.5 weights were converted to FSRS-6's 21.");
    expect((await getUserSettings(user.id)).parameters).toEqual(migrateParameters(FSRS45_WEIGHTS));
    // The same file again: its converted weights are what is stored, so nothing changes.
    expect((await importUserData(user.id, file)).settings).toBe("unchanged");
  });

  it("stored as 19 by hand are read as their conversion, so the scheduler and the optimizer see 21", async () => {
    const user = await newUser({ parameters: FSRS5_WEIGHTS });
    expect(schedulerSettingsOf(await getUserSettings(user.id)).parameters).toEqual(migrateParameters(FSRS5_WEIGHTS));
  });
});
