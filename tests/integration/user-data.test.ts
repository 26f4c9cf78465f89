import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { importUserData, importUserDataJson } from "@/app/lib/server/data/user-data";
import { exportUserData } from "./helpers/user-data-export";
import { userDataSchema, type UserDataJson } from "@/app/lib/schemas/user-data";

const unique = () => `data-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const now = new Date("2026-03-10T16:00:00Z");

async function userWithHistory() {
  const user = await db.user.create({
    data: { email: unique(), settings: { create: { timeZone: "Europe/Paris", dayStartHour: 3, desiredRetention: 0.85, leechThreshold: 5, leechSuspend: false, dailyGoalKind: "minutes", dailyGoal: 25, parameters: Array.from({ length: 21 }, (_, i) => 0.1 * (i + 1)), parametersFitAt: now } } },
    select: { id: true },
  });
  const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 6, select: { id: true, paperId: true } });
  const questions = await db.quizQuestion.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 3, select: { id: true } });
  await db.studySetPaper.create({ data: { userId: user.id, paperId: cards[0]!.paperId, addedAt: new Date("2026-01-01T00:00:00Z") } });
  for (const [i, card] of cards.entries()) {
    await db.cardState.create({
      data: { userId: user.id, cardId: card.id, due: new Date(now.getTime() + i * 86_400_000), stability: 3.5 + i, difficulty: 4.25, elapsedDays: i, scheduledDays: 2 + i, learningSteps: 0, reps: 2 + i, lapses: i % 2, state: 2, lastReview: new Date(now.getTime() - 86_400_000), version: 3,
        // Every card control on some card: suspended, buried until tomorrow, flags, a leech.
        suspended: i === 1, buriedUntil: i === 2 ? new Date(now.getTime() + 86_400_000) : null, flag: i % 5, leech: i === 3 },
    });
    await db.reviewLog.createMany({
      data: [0, 1].map((k) => ({
        clientId: randomUUID(), userId: user.id, cardId: card.id, rating: 1 + ((i + k) % 4), state: k === 0 ? 0 : 2,
        due: new Date(now.getTime() - (5 - k) * 86_400_000), stability: 1.5 * k, difficulty: 5, elapsedDays: k, lastElapsedDays: 0,
        scheduledDays: k, learningSteps: 0, reviewedAt: new Date(now.getTime() - (4 - k) * 86_400_000), durationMs: 1234 + i,
        previous: { due: now.toISOString(), stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null },
      })),
    });
  }
  const attempt = await db.quizAttempt.create({
    data: {
      userId: user.id, scope: { kind: "weak" }, title: "Weak spots", seed: "abc", mode: "each", questionIds: questions.map((q) => q.id),
      score: 0.5, startedAt: new Date("2026-03-01T10:00:00Z"), finishedAt: new Date("2026-03-01T10:05:00Z"),
      answers: { create: questions.slice(0, 2).map((q, i) => ({ questionId: q.id, response: i === 0 ? [1, 0] : "layer norm", score: i, correct: i === 1, timeMs: 4000, answeredAt: new Date("2026-03-01T10:01:00Z") })) },
    },
  });
  await db.quizAttempt.create({
    data: { userId: user.id, scope: { kind: "retake", of: attempt.id }, title: "Retake", seed: "def", mode: "end", questionIds: [questions[0]!.id], parentId: attempt.id, startedAt: new Date("2026-03-02T10:00:00Z") },
  });
  return user;
}

/** Everything of the user as rows, ids of instances left out (what must survive a round trip). */
async function snapshot(userId: string) {
  const [settings, studySet, states, logs, attempts] = await Promise.all([
    db.userSettings.findUnique({ where: { userId }, omit: { updatedAt: true, userId: true, newCardsFrom: true, newCardsFromStamp: true } }),
    db.studySetPaper.findMany({ where: { userId }, omit: { userId: true }, orderBy: { paperId: "asc" } }),
    db.cardState.findMany({ where: { userId }, omit: { userId: true, updatedAt: true, version: true }, orderBy: { cardId: "asc" } }),
    db.reviewLog.findMany({ where: { userId }, omit: { userId: true, id: true, createdAt: true }, orderBy: { clientId: "asc" } }),
    db.quizAttempt.findMany({ where: { userId }, omit: { userId: true }, include: { answers: { orderBy: { questionId: "asc" } } }, orderBy: { id: "asc" } }),
  ]);
  return { settings, studySet, states, logs, attempts };
}

async function wipe(userId: string) {
  await db.$transaction([
    db.quizAttempt.deleteMany({ where: { userId } }),
    db.reviewLog.deleteMany({ where: { userId } }),
    db.cardState.deleteMany({ where: { userId } }),
    db.studySetPaper.deleteMany({ where: { userId } }),
    db.userSettings.deleteMany({ where: { userId } }),
  ]);
}

const parse = (text: string) => userDataSchema.parse(JSON.parse(text));

describe("exporting and importing a user's data", () => {
  it("gives back equal data after export, wipe and import", async () => {
    const user = await userWithHistory();
    const before = await snapshot(user.id);
    expect(before.logs).toHaveLength(12);
    const text = await exportUserData(user.id, now);
    await wipe(user.id);
    expect((await snapshot(user.id)).logs).toHaveLength(0);

    const summary = await importUserData(user.id, parse(text));
    expect(summary).toMatchObject({
      settings: "replaced",
      studySet: { added: 1 },
      cardStates: { added: 6, updated: 0, unchanged: 0 },
      reviewLogs: { added: 12, alreadyThere: 0 },
      quizAttempts: { added: 2, alreadyThere: 0 },
    });
    expect(await snapshot(user.id)).toEqual(before);
    // And the file it exports now is the same file.
    expect(await exportUserData(user.id, now)).toBe(text);
  });

  it("carries the card controls, the leech rule and the daily goal", async () => {
    const user = await userWithHistory();
    const file = JSON.parse(await exportUserData(user.id, now)) as UserDataJson;
    expect(file.settings).toMatchObject({ leechThreshold: 5, leechSuspend: false, dailyGoalKind: "minutes", dailyGoal: 25 });
    expect(file.cardStates.map((c) => [c.suspended, c.buriedUntil !== null, c.flag, c.leech]).sort()).toEqual(
      [[false, false, 0, false], [false, false, 4, false], [false, false, 3, true], [false, true, 2, false], [false, false, 0, false], [true, false, 1, false]].sort(),
    );
    // Into another account: the controls come with the states.
    const target = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const result = await importUserDataJson(target.id, file);
    expect(result.ok).toBe(true);
    const states = await db.cardState.findMany({ where: { userId: target.id }, select: { suspended: true, buriedUntil: true, flag: true, leech: true } });
    expect(states.filter((s) => s.suspended)).toHaveLength(1);
    expect(states.filter((s) => s.leech)).toHaveLength(1);
    expect(states.map((s) => s.buriedUntil?.toISOString()).filter(Boolean)).toEqual([new Date(now.getTime() + 86_400_000).toISOString()]);
    expect(states.map((s) => s.flag).sort()).toEqual([0, 0, 1, 2, 3, 4]);
    expect(await db.userSettings.findUniqueOrThrow({ where: { userId: target.id } })).toMatchObject({ leechThreshold: 5, leechSuspend: false, dailyGoalKind: "minutes", dailyGoal: 25 });
  });

  it("imports a file written before the controls existed with none of them, and refuses bad ones by field", async () => {
    const user = await userWithHistory();
    const file = JSON.parse(await exportUserData(user.id, now)) as UserDataJson;
    const old = structuredClone(file);
    for (const c of old.cardStates) {
      delete c.suspended;
      delete c.buriedUntil;
      delete c.flag;
      delete c.leech;
    }
    if (old.settings) {
      delete old.settings.leechThreshold;
      delete old.settings.dailyGoalKind;
    }
    const parsed = userDataSchema.parse(old);
    expect(parsed.cardStates.every((c) => !c.suspended && c.buriedUntil === null && c.flag === 0 && !c.leech)).toBe(true);
    expect(parsed.settings).toMatchObject({ leechThreshold: 8, dailyGoalKind: "none" });

    const bad = structuredClone(file);
    bad.cardStates[2]!.flag = 7;
    bad.cardStates[4]!.suspended = "yes" as unknown as boolean;
    bad.settings!.leechThreshold = 0;
    bad.settings!.dailyGoalKind = "pages" as "none";
    const target = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const result = await importUserDataJson(target.id, bad);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        "cardStates[2].flag: must be 0 (none) to 4 (blue)",
        expect.stringMatching(/^cardStates\[4\]\.suspended: /),
        expect.stringMatching(/^settings\.leechThreshold: /),
        "settings.dailyGoalKind: must be one of none, reviews, minutes",
      ]),
    );
    expect(await db.cardState.count({ where: { userId: target.id } })).toBe(0);
  });

  it("changes nothing on a second import of the same file", async () => {
    const user = await userWithHistory();
    const text = await exportUserData(user.id, now);
    const before = await snapshot(user.id);
    const versions = await db.cardState.findMany({ where: { userId: user.id }, select: { version: true } });
    const summary = await importUserData(user.id, parse(text));
    expect(summary).toMatchObject({
      settings: "unchanged",
      studySet: { added: 0 },
      cardStates: { added: 0, updated: 0, unchanged: 6 },
      reviewLogs: { added: 0, alreadyThere: 12 },
      quizAttempts: { added: 0, alreadyThere: 2 },
    });
    expect(await snapshot(user.id)).toEqual(before);
    expect(await db.cardState.findMany({ where: { userId: user.id }, select: { version: true } })).toEqual(versions);
  });

  it("merges into another account: newer card states win, nothing is doubled, others' quiz attempts are not taken", async () => {
    const source = await userWithHistory();
    const text = await exportUserData(source.id, now);
    const target = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const file = parse(text);
    const [first] = file.cardStates;
    const card = await db.card.findFirstOrThrow({ where: { key: first!.card, paper: { slug: first!.note } }, select: { id: true } });
    // The target reviewed this card later than the file: its state stays.
    await db.cardState.create({
      data: { userId: target.id, cardId: card.id, due: now, stability: 99, difficulty: 2, elapsedDays: 1, scheduledDays: 1, learningSteps: 0, reps: 9, lapses: 0, state: 2, lastReview: now },
    });
    const summary = await importUserData(target.id, file);
    expect(summary.cardStates).toEqual({ added: 5, updated: 0, unchanged: 1 });
    expect(summary.reviewLogs.added).toBe(12);
    expect(summary.skipped.attemptsOfAnotherAccount).toBe(2);
    expect((await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: target.id, cardId: card.id } } })).stability).toBe(99);
    // The source's rows are untouched.
    expect(await db.reviewLog.count({ where: { userId: source.id } })).toBe(12);
    expect(await db.quizAttempt.count({ where: { userId: source.id } })).toBe(2);
  });

  it("skips cards and notes this instance does not have, and refuses a file that is not an export", async () => {
    const user = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const file: UserDataJson = {
      format: "paperdeck-user-data",
      version: 1,
      exportedAt: now.toISOString(),
      settings: null,
      studySet: [{ note: "no-such-note", addedAt: now.toISOString() }],
      cardStates: [{ note: "no-such-note", card: "x", due: now.toISOString(), stability: 1, difficulty: 1, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: null }],
      reviewLogs: [],
      quizAttempts: [],
    };
    const summary = await importUserData(user.id, userDataSchema.parse(file));
    expect(summary.skipped).toMatchObject({ unknownCards: 1, unknownNotes: 1 });
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
    expect(userDataSchema.safeParse({ ...file, format: "anki" }).success).toBe(false);
    expect(userDataSchema.safeParse({ ...file, reviewLogs: [{ clientId: "a" }] }).success).toBe(false);
  });
});
