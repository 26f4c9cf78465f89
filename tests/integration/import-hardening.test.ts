import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { importUserDataJson } from "@/app/lib/server/data/user-data";
import { exportUserData } from "./helpers/user-data-export";
import { importReviewLogCsv } from "@/app/lib/server/data/review-csv";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { getUserSettings, saveUserSettings, schedulerSettingsOf } from "@/app/lib/server/data/settings";
import { settingsUpdateSchema } from "@/app/lib/schemas/settings";
import type { UserDataJson } from "@/app/lib/schemas/user-data";

/**
 * Imports that used to succeed and then make the queue, /review, /settings or undo fail for
 * the user from then on: each is refused whole, names the bad entry, writes nothing and leaves
 * the account usable.
 */

const unique = () => `harden-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const now = new Date("2026-03-10T16:00:00Z");

/** A user with settings, two card states and a review log each, exported as JSON. */
async function validExport(): Promise<UserDataJson> {
  const user = await db.user.create({ data: { email: unique(), settings: { create: { timeZone: "Europe/Paris" } } }, select: { id: true } });
  const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
  for (const card of cards) {
    await db.cardState.create({
      data: { userId: user.id, cardId: card.id, due: new Date(now.getTime() + 86_400_000), stability: 3.5, difficulty: 4.25, elapsedDays: 1, scheduledDays: 2, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: new Date(now.getTime() - 86_400_000) },
    });
    await db.reviewLog.create({
      data: {
        clientId: randomUUID(), userId: user.id, cardId: card.id, rating: 3, state: 0, due: new Date(now.getTime() - 2 * 86_400_000),
        stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0,
        reviewedAt: new Date(now.getTime() - 86_400_000), durationMs: 1000,
        previous: { due: now.toISOString(), stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null },
      },
    });
  }
  return JSON.parse(await exportUserData(user.id, now)) as UserDataJson;
}

async function rowsOf(userId: string) {
  const [states, logs, attempts, studySet, settings] = await Promise.all([
    db.cardState.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
    db.studySetPaper.count({ where: { userId } }),
    db.userSettings.findUnique({ where: { userId }, omit: { updatedAt: true } }),
  ]);
  return { states, logs, attempts, studySet, settings };
}

/** Imports `file` into a fresh account: refused, naming `path`, nothing written, the queue loads. */
async function expectRefused(file: unknown, path: string, message?: RegExp) {
  const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
  const before = await rowsOf(user.id);
  const result = await importUserDataJson(user.id, file);
  expect(result.ok).toBe(false);
  const errors = result.ok ? [] : result.errors;
  const hit = errors.find((e) => e.startsWith(`${path}:`));
  expect(hit, `an error at ${path} among ${JSON.stringify(errors)}`).toBeDefined();
  if (message) expect(hit).toMatch(message);
  expect(await rowsOf(user.id)).toEqual(before);
  const queue = await loadReviewQueue(user.id, now);
  expect(queue).toBeDefined();
  return errors;
}

describe("an import that would break the account", () => {
  it("a valid export imports and the queue loads (the baseline of the tests below)", async () => {
    const file = await validExport();
    const user = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const result = await importUserDataJson(user.id, file);
    expect(result.ok).toBe(true);
    expect((await rowsOf(user.id)).states).toBe(2);
    await expect(loadReviewQueue(user.id, now)).resolves.toBeDefined();
  });

  it("an import with three FSRS parameters is refused and leaves the account usable", async () => {
    const file = await validExport();
    await expectRefused({ ...file, settings: { ...file.settings!, parameters: [1, 2, 3] } }, "settings.parameters", /21/);
  });

  it("an import with the learning step \"abc\" is refused and leaves the account usable", async () => {
    const file = await validExport();
    await expectRefused({ ...file, settings: { ...file.settings!, learningSteps: ["abc"] } }, "settings.learningSteps[0]");
  });

  it("an import with a learning step of 99999999999999999999 days is refused and leaves the account usable", async () => {
    const file = await validExport();
    await expectRefused({ ...file, settings: { ...file.settings!, relearningSteps: ["99999999999999999999d"] } }, "settings.relearningSteps[0]", /365 days/);
  });

  it("an import with a card state of stability 1e308 is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s, i) => (i === 1 ? { ...s, stability: 1e308 } : s));
    await expectRefused({ ...file, cardStates }, "cardStates[1].stability", /must be at most 36500/);
  });

  it("an import with a last review in year 9999 is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s) => ({ ...s, lastReview: "9999-12-31T23:59:59Z" }));
    const errors = await expectRefused({ ...file, cardStates }, "cardStates[0].lastReview", /between 1970 and 2200/);
    // Every bad entry is reported, not only the first.
    expect(errors.some((e) => e.startsWith("cardStates[1].lastReview:"))).toBe(true);
  });

  it("an import with a date outside JavaScript's range is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s, i) => (i === 0 ? { ...s, due: "+275761-01-01T00:00:00Z" } : s));
    await expectRefused({ ...file, cardStates }, "cardStates[0].due");
  });

  it("an import with reps above int4 (3e9) is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s) => ({ ...s, reps: 3e9 }));
    await expectRefused({ ...file, cardStates }, "cardStates[0].reps", /2147483647/);
  });

  it("an import with a studied card of stability 0 is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s) => ({ ...s, stability: 0, difficulty: 0 }));
    await expectRefused({ ...file, cardStates }, "cardStates[0].stability");
  });

  it("an import with a malformed previous state in a log is refused and leaves the account usable", async () => {
    const file = await validExport();
    const reviewLogs = file.reviewLogs.map((l, i) => (i === 0 ? { ...l, previous: { due: "yesterday", stability: "x" } } : l));
    await expectRefused({ ...file, reviewLogs }, "reviewLogs[0].previous.due");
    const missing = file.reviewLogs.map((l, i) => (i === 1 ? { ...l, previous: {} } : l));
    await expectRefused({ ...file, reviewLogs: missing }, "reviewLogs[1].previous");
  });

  it("an import with a NUL byte in a text is refused and leaves the account usable", async () => {
    const file = await validExport();
    const reviewLogs = file.reviewLogs.map((l, i) => (i === 0 ? { ...l, clientId: "a\u0000b" } : l));
    await expectRefused({ ...file, reviewLogs }, "reviewLogs[0].clientId", /NUL/);
    const quizAttempts = [{
      id: randomUUID(), scope: { kind: "weak\u0000" }, title: "t", seed: "s", mode: "each", questions: [], score: null,
      startedAt: now.toISOString(), finishedAt: null, parentId: null, answers: [],
    }];
    await expectRefused({ ...file, quizAttempts }, "quizAttempts[0].scope");
  });

  it("an import with a lone surrogate in a text is refused and leaves the account usable", async () => {
    const file = await validExport();
    const cardStates = file.cardStates.map((s, i) => (i === 0 ? { ...s, card: "x\uD800" } : s));
    await expectRefused({ ...file, cardStates }, "cardStates[0].card", /surrogate/);
  });
});

describe("stored settings the scheduler would refuse", () => {
  it("fall back to the defaults, so the queue still loads", async () => {
    const user = await db.user.create({
      data: { email: unique(), settings: { create: { parameters: [1, 2, 3], learningSteps: ["99999999999999999999d"], relearningSteps: ["abc"], desiredRetention: 5, easyDays: [5] } } },
      select: { id: true },
    });
    const settings = schedulerSettingsOf(await getUserSettings(user.id));
    expect(settings).toEqual({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, learningSteps: ["1m", "10m"], relearningSteps: ["10m"], parameters: null, enableShortTerm: true, loadBalance: false, easyDays: [] });
    await expect(loadReviewQueue(user.id, now)).resolves.toBeDefined();
  });

  it("an unbounded learning step from the settings form is refused, and a saved valid form keeps the queue working", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const form = {
      desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, learningSteps: "99999999999999999999d", relearningSteps: "10m",
      newPerDay: 20, reviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4, studyAll: true,
    };
    const refused = settingsUpdateSchema.safeParse(form);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["learningSteps", 0]);
    const ok = settingsUpdateSchema.parse({ ...form, learningSteps: "1m 365d" });
    const { reschedule: _reschedule, ...input } = ok;
    await saveUserSettings(user.id, input);
    await expect(loadReviewQueue(user.id, now)).resolves.toBeDefined();
  });
});

describe("the review CSV import", () => {
  it("lists every bad line by number and writes nothing when any line is bad", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const card = await db.card.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } });
    const csv = [
      "card_id,review_time,review_rating,review_state,review_duration",
      `${card.id},1700000000000,3,0,1000`,
      `${card.id},99999999999999999999,3,2,1000`,
      `a\u0000b,1700000100000,3,2,1000`,
      `no-such-card,1700000200000,3,2,1000`,
      `${card.id},1700000300000,3,2,3000000000`,
    ].join("\n");
    const result = await importReviewLogCsv(user.id, csv, now);
    expect(result.added).toBe(0);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0]!.message).toContain("review_time");
    expect(result.errors[1]!.message).toMatch(/card_id: .*NUL/);
    expect(result.errors[2]!.message).toContain("no card");
    expect(result.errors[3]!.message).toContain("review_duration");
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
    await expect(loadReviewQueue(user.id, now)).resolves.toBeDefined();
  });

  // The import inserts each batch of 2,000 valid lines while the next is read (a pipeline): a
  // bad line after some batches were sent must still leave nothing, and every bad line is listed.
  it("writes nothing and lists every bad line when they come after batches were already inserted", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 3, select: { id: true } });
    const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
    for (let i = 0; i < 5_000; i += 1) lines.push(`${cards[i % 3]!.id},${1_700_000_000_000 + i * 60_000},3,${i < 3 ? 0 : 2},1000`);
    lines[4_501] = `${cards[0]!.id},1700000000000,9,2,1000`; // line 4,502: a rating of 9
    lines.push(`no-such-card,1800000000000,3,2,1000`); // line 5,002
    const result = await importReviewLogCsv(user.id, lines.join("\n"), now);
    expect(result.added).toBe(0);
    expect(result.errors.map((e) => e.line)).toEqual([4_502, 5_002]);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
  });

  it("imports a file of several batches whole, counting the lines repeated in it and already there", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 3, select: { id: true } });
    const body = [];
    for (let i = 0; i < 4_500; i += 1) body.push(`${cards[i % 3]!.id},${1_700_000_000_000 + i * 60_000},3,${i < 3 ? 0 : 2},1000`);
    // The first 10 lines again at the end, in a later batch than their first copies.
    const csv = ["card_id,review_time,review_rating,review_state,review_duration", ...body, ...body.slice(0, 10)].join("\n");
    const result = await importReviewLogCsv(user.id, csv, now);
    expect(result).toEqual({ added: 4_500, alreadyThere: 10, errors: [], rescheduled: 3 });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(4_500);
    const states = await db.cardState.findMany({ where: { userId: user.id }, select: { reps: true } });
    expect(states.map((s) => s.reps)).toEqual([1_500, 1_500, 1_500]);
    const again = await importReviewLogCsv(user.id, csv, now);
    expect(again).toEqual({ added: 0, alreadyThere: 4_510, errors: [], rescheduled: 0 });
  });
});
