import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { deleteAccountAndData } from "@/app/lib/server/data/user-data";

const unique = () => `account-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function rowsOf(userId: string, email: string) {
  const [users, settings, studySet, states, logs, attempts, answers, accounts, sessions, limits] = await Promise.all([
    db.user.count({ where: { id: userId } }),
    db.userSettings.count({ where: { userId } }),
    db.studySetPaper.count({ where: { userId } }),
    db.cardState.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
    db.quizAnswer.count({ where: { attempt: { userId } } }),
    db.account.count({ where: { userId } }),
    db.session.count({ where: { userId } }),
    db.rateLimit.count({ where: { key: { contains: email } } }),
  ]);
  return { users, settings, studySet, states, logs, attempts, answers, accounts, sessions, limits };
}

async function userWithEverything() {
  const email = unique();
  const user = await db.user.create({ data: { email, settings: { create: {} } }, select: { id: true } });
  const card = await db.card.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true, paperId: true } });
  const question = await db.quizQuestion.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } });
  const now = new Date();
  await db.studySetPaper.create({ data: { userId: user.id, paperId: card.paperId } });
  await db.cardState.create({ data: { userId: user.id, cardId: card.id, due: now, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: now } });
  await db.reviewLog.create({ data: { clientId: randomUUID(), userId: user.id, cardId: card.id, rating: 3, state: 0, due: now, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, reviewedAt: now, previous: {} } });
  await db.quizAttempt.create({ data: { userId: user.id, scope: { kind: "weak" }, title: "t", seed: "s", mode: "each", questionIds: [question.id], answers: { create: { questionId: question.id, response: 0, score: 1, correct: true, timeMs: 10 } } } });
  await db.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: randomUUID() } });
  await db.session.create({ data: { userId: user.id, sessionToken: randomUUID(), expires: new Date(now.getTime() + 86_400_000) } });
  await db.rateLimit.create({ data: { key: `signin-account:${email}`, points: 2, expire: new Date(now.getTime() + 60_000) } });
  await db.rateLimit.create({ data: { key: `signin-pair:${email}|10.0.0.1`, points: 2, expire: new Date(now.getTime() + 60_000) } });
  await db.rateLimit.create({ data: { key: `signin-known:${email}|10.0.0.1`, points: 1, expire: new Date(now.getTime() + 60_000) } });
  return { id: user.id, email };
}

describe("deleting an account", () => {
  it("leaves none of its rows and none of anyone else's gone", async () => {
    const me = await userWithEverything();
    const other = await userWithEverything();
    const mine = await rowsOf(me.id, me.email);
    expect(Object.values(mine).every((n) => n >= 1)).toBe(true);
    const theirs = await rowsOf(other.id, other.email);

    expect(await deleteAccountAndData(me.id)).toBe(true);
    const after = await rowsOf(me.id, me.email);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(other.id, other.email)).toEqual(theirs);
    // The notes and cards themselves stay.
    expect(await db.card.count()).toBeGreaterThan(0);
  });

  it("reports an account that is already gone", async () => {
    const me = await userWithEverything();
    await deleteAccountAndData(me.id);
    expect(await deleteAccountAndData(me.id)).toBe(false);
  });
});
