import { migrateParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import type { ReviewRating } from "@/app/lib/domain/scheduling";
import type { AnswerInput } from "@/app/lib/schemas/review";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { readHistories, replayHistories } from "@/app/lib/server/data/reschedule";
import { storedStateOf } from "@/app/lib/server/sql/card-state";
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

/** The one call of the answer path (its session argument is changing on another branch). */
function answer(userId: string, input: AnswerInput, now: Date) {
  return answerCard(sessionOf(userId), input, now);
}

const DAY = 86_400_000;

/** One answer of a plan: its rating and when it comes after the previous answer. */
interface Step {
  rating: ReviewRating;
  /** Days after the card came due (fractional); "same day": 15 minutes after the previous answer. */
  after: number | "same day";
}

/** Answers `cards` through the real answer path, each following one of the plans, the first at `start`. */
async function answerHistories(userId: string, cardIds: string[], plan: Step[][], start: number) {
  for (const [c, cardId] of cardIds.entries()) {
    let version = 0;
    let at = start + c * 60_000;
    let due = at;
    for (const [i, step] of (plan[c % plan.length] ?? []).entries()) {
      if (i > 0) at = step.after === "same day" ? at + 15 * 60_000 : Math.max(due, at) + step.after * DAY;
      const input = { clientId: `opt-${userId}-${c}-${i}`, cardId, rating: step.rating, version, answeredAt: at, durationMs: 1500 };
      const result = await answer(userId, input, new Date(at));
      version = result.version;
      due = result.due.getTime();
    }
  }
}

/** Every card state of the user against a replay of its log with the user's settings. */
async function expectReplayEqualsStored(userId: string) {
  const settings = schedulerSettingsOf(await getUserSettings(userId));
  const replayed = await replayHistories(userId, await readHistories(userId, null), settings);
  const stored = await db.cardState.findMany({ where: { userId } });
  expect(stored.length).toBeGreaterThan(0);
  expect(replayed.size).toBe(stored.length);
  for (const row of stored) expect(replayed.get(row.cardId)).toEqual(storedStateOf(row));
}

/** Answers mixing lapses, late reviews and second looks on the same day. */
const PLANS: Step[][] = [
  [
    { rating: 3, after: 0 }, { rating: 3, after: "same day" }, { rating: 3, after: 0.4 }, { rating: 1, after: 2.5 },
    { rating: 3, after: "same day" }, { rating: 3, after: 0 }, { rating: 4, after: 0.4 },
  ],
  [
    { rating: 1, after: 0 }, { rating: 1, after: 0 }, { rating: 3, after: 0 }, { rating: 2, after: 2.5 },
    { rating: 3, after: "same day" }, { rating: 4, after: 0 }, { rating: 3, after: 10 },
  ],
  [{ rating: 4, after: 0 }, { rating: 3, after: "same day" }, { rating: 1, after: 0.2 }, { rating: 3, after: 0 }, { rating: 3, after: 0 }],
];

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

describe("load balancer and easy days settings", () => {
  it("are off for a new user, and saved from the form (seven normal days stored as none)", async () => {
    const user = await newUser();
    expect(schedulerSettingsOf(await getUserSettings(user.id))).toMatchObject({ loadBalance: false, easyDays: [] });
    const saved = await saveUserSettings(user.id, settingsSchema.parse({ ...FORM, loadBalance: true, easyDays: [1, 1, 0.5, 1, 1, 0, 0] }));
    expect(schedulerSettingsOf(saved)).toMatchObject({ loadBalance: true, easyDays: [1, 1, 0.5, 1, 1, 0, 0] });
    const normal = await saveUserSettings(user.id, settingsSchema.parse({ ...FORM, easyDays: [1, 1, 1, 1, 1, 1, 1] }));
    expect(normal).toMatchObject({ loadBalance: false, easyDays: [] });
    expect(settingsSchema.safeParse({ ...FORM, easyDays: [1, 1, 2] }).success).toBe(false);
  });

  it("are imported, and default to off from a file written before they existed", async () => {
    const user = await newUser({ loadBalance: true });
    const file = (settings: Record<string, unknown>) =>
      userDataSchema.parse({
        format: USER_DATA_FORMAT, version: USER_DATA_VERSION, exportedAt: "2026-03-10T16:00:00.000Z",
        settings: { ...FORM, learningSteps: ["1m", "10m"], relearningSteps: ["10m"], parameters: [], parametersFitAt: null, ...settings },
        studySet: [], cardStates: [], reviewLogs: [], quizAttempts: [],
      });
    await importUserData(user.id, file({ loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0] }));
    expect(await getUserSettings(user.id)).toMatchObject({ loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0] });
    await importUserData(user.id, file({}));
    expect(await getUserSettings(user.id)).toMatchObject({ loadBalance: false, easyDays: [], enableShortTerm: true });
  });
});

describe("a replay of every card's log equals its stored state", () => {
  const options: [string, Record<string, unknown>][] = [
    ["the defaults", {}],
    ["long-term-only mode", { enableShortTerm: false }],
    ["long-term-only mode, fuzz and FSRS-5 weights", { enableShortTerm: false, enableFuzz: true, parameters: migrateParameters(FSRS5_WEIGHTS) }],
  ];
  for (const [name, settings] of options) {
    it(`with ${name}`, async () => {
      const user = await newUser(settings);
      const cards = await db.card.findMany({ where: { retiredAt: null, paper: { retiredAt: null } }, orderBy: { id: "asc" }, take: 6, select: { id: true } });
      await answerHistories(user.id, cards.map((c) => c.id), PLANS, Date.now() - 400 * DAY);
      await expectReplayEqualsStored(user.id);
    });
  }

  it("differs when the log is replayed with the other mode, so the mode is really applied on both sides", async () => {
    const user = await newUser({ enableShortTerm: false });
    const [card] = await db.card.findMany({ where: { retiredAt: null, paper: { retiredAt: null } }, orderBy: { id: "desc" }, take: 1, select: { id: true } });
    await answerHistories(user.id, [card!.id], PLANS, Date.now() - 400 * DAY);
    const stored = storedStateOf(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card!.id } } }));
    const settings = schedulerSettingsOf(await getUserSettings(user.id));
    const shortTerm = await replayHistories(user.id, await readHistories(user.id, null), { ...settings, enableShortTerm: true });
    expect(shortTerm.get(card!.id)).not.toEqual(stored);
    expect(stored.state).toBe("review");
  });
});
