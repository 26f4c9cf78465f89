import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { applyGrade, DEFAULT_SCHEDULER_SETTINGS, newCardState } from "@/app/lib/domain/scheduling";
import { db } from "@/app/lib/server/db";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { parseCardBrowserQuery } from "@/app/lib/schemas/cards-browser";
import * as afterBreakSql from "@/app/lib/server/sql/after-break";
import * as answerSql from "@/app/lib/server/sql/answer";
import * as cardBrowserSql from "@/app/lib/server/sql/card-browser";
import * as cardControlsSql from "@/app/lib/server/sql/card-controls";
import { storedStateOf } from "@/app/lib/server/sql/card-state";
import * as loadBalanceSql from "@/app/lib/server/sql/load-balance";
import * as dailyGoalSql from "@/app/lib/server/sql/daily-goal";
import * as masterySql from "@/app/lib/server/sql/mastery";
import * as optimizerSql from "@/app/lib/server/sql/optimizer";
import * as quizSql from "@/app/lib/server/sql/quiz-weak-spots";
import * as allowanceSql from "@/app/lib/server/sql/note-new-allowance";
import * as rescheduleSql from "@/app/lib/server/sql/reschedule";
import * as retentionSql from "@/app/lib/server/sql/retention-simulation";
import * as searchSql from "@/app/lib/server/sql/search";
import * as settingsSql from "@/app/lib/server/sql/settings";
import * as progressSql from "@/app/lib/server/sql/progress";
import * as queueSql from "@/app/lib/server/sql/review-queue";
import { rowsOf, type TypedQuery } from "@/app/lib/server/sql/typed-query";

/**
 * Every statement of app/lib/server/sql/ run once against the real database, its rows parsed
 * with the schema that types them: a column renamed, dropped or retyped in a migration fails
 * here (the app casts its rows on the hot path; this test is the check). Each query is run on
 * data that gives it rows, with the nullable columns both null and not.
 */

const covered = new Set<string>();
const userId = `sql-rows-${randomUUID()}`;

async function expectRowsParse<S extends z.ZodType>(name: string, query: TypedQuery<S>, atLeast = 1) {
  covered.add(name);
  const rows = await rowsOf(query);
  expect(rows.length, `${name} returned no rows to check`).toBeGreaterThanOrEqual(atLeast);
  const parsed = query.row.array().safeParse(rows);
  expect(parsed.success ? "" : `${name}: ${parsed.error.message}`).toBe("");
  return rows;
}

async function liveCards(n: number, type?: string) {
  return db.card.findMany({
    where: { retiredAt: null, paper: { retiredAt: null, ownerId: null }, ...(type ? { type } : {}) },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    take: n,
    select: { id: true, paperId: true, paper: { select: { slug: true } } },
  });
}

afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
});

describe("the raw SQL's rows match their schemas", () => {
  it("the answer's statements: context with and without a state, the write, and the resend's acknowledgement", async () => {
    await db.user.create({ data: { id: userId, email: `${userId}@example.test`, settings: { create: {} } } });
    const [card, other] = await liveCards(2);
    // No state yet: the state's columns are null.
    const [fresh] = await expectRowsParse("answerContextQuery", answerSql.answerContextQuery(userId, card!.id, randomUUID(), "s"));
    expect(fresh?.hasState).toBe(false);
    const now = new Date();
    const clientId = randomUUID();
    const before = newCardState(now);
    const written = await expectRowsParse(
      "answerWriteQuery",
      answerSql.answerWriteQuery({
        userId, cardId: card!.id, clientId, logId: randomUUID(), currentVersion: 0,
        result: applyGrade(before, 1, DEFAULT_SCHEDULER_SETTINGS, now),
        due: Prisma.sql`${now}`, days: Prisma.sql`${0}`, balanced: Prisma.empty,
        leech: false, suspend: false, durationMs: 900, previous: {}, now,
      }),
    );
    expect(written[0]?.version).toBe(1);
    // With a state and a logged clientId: every column filled.
    const [studied] = await expectRowsParse("answerContextQuery", answerSql.answerContextQuery(userId, card!.id, clientId, "s"));
    expect([studied?.hasState, studied?.loggedCardId]).toEqual([true, card!.id]);
    // An unknown card: the card's columns are null too.
    await expectRowsParse("answerContextQuery", answerSql.answerContextQuery(userId, `missing-${randomUUID()}`, randomUUID(), "s"));
    await expectRowsParse("appliedAnswerQuery", answerSql.appliedAnswerQuery(userId, clientId));
    const [locked] = await expectRowsParse("undoLockQuery", answerSql.undoLockQuery(userId, card!.id));
    expect(locked?.lastReview).not.toBeNull();
    expect(other).toBeDefined();
  });

  it("the queue's statements: learning, due and new candidates, details, bounds and counts", async () => {
    const now = new Date();
    const [learning, due, due2, resetNew, buried] = await liveCards(5);
    // Two due review cards (yesterday), a new card with a state (reset), a buried new card.
    await db.cardState.createMany({
      data: [
        { userId, cardId: due!.id, due: new Date(now.getTime() - 86_400_000), stability: 3, difficulty: 5, elapsedDays: 3, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: new Date(now.getTime() - 4 * 86_400_000) },
        { userId, cardId: due2!.id, due: new Date(now.getTime() - 86_400_000), stability: 9, difficulty: 4, elapsedDays: 9, scheduledDays: 9, learningSteps: 0, reps: 3, lapses: 1, state: 2, lastReview: new Date(now.getTime() - 10 * 86_400_000) },
        { userId, cardId: resetNew!.id, due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null },
        { userId, cardId: buried!.id, due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null, buriedUntil: new Date(now.getTime() - 1000) },
      ],
    });
    expect(learning).toBeDefined(); // answered (again) by the first test: in learning, due within minutes
    const settings = await getUserSettings(userId);
    const scope = {};
    const limits = { newLeft: 5, reviewsLeft: 5 };
    const later = new Date(now.getTime() + 86_400_000);
    covered.add("candidateQueries");
    const queries = queueSql.candidateQueries(userId, settings, scope, now, later, limits, { show: 1 });
    // show: 1 gives the first of each kind with its detail and the second due card without (nulls).
    const studied = await expectRowsParse("candidateQueries", queries.studied, 3);
    expect(studied.some((r) => r.version === null)).toBe(true);
    expect(studied.some((r) => r.version !== null)).toBe(true);
    const fresh = await expectRowsParse("candidateQueries", queries.fresh!, 2);
    expect(fresh.some((r) => r.version === null)).toBe(true);
    expect(fresh.some((r) => r.version !== null)).toBe(true);
    await expectRowsParse("cardDetailQuery", queueSql.cardDetailQuery(userId, [learning!.id, due!.id]), 2);
    await expectRowsParse("doneTodayQuery", queueSql.doneTodayQuery(userId, new Date(0)));
    await expectRowsParse("contentStampQuery", queueSql.contentStampQuery(userId));
    await expectRowsParse("nextDueQuery", queueSql.nextDueQuery(userId, settings, scope));
    const [first] = await expectRowsParse("firstBuriedNewQuery", queueSql.firstBuriedNewQuery(userId));
    expect(first?.first).not.toBeNull();
    await expectRowsParse("newInScopeQuery", queueSql.newInScopeQuery(userId, settings, { paper: due!.paper.slug }, now));
    // Custom sessions: "forgotten" finds the card answered Again in the first case; "ahead" the due ones, in a window from the past.
    const custom = { dayStart: new Date(0), nextDayStart: new Date(0), aheadEnd: later, since: later, now: later };
    const forgotten = await expectRowsParse("customCandidatesQuery", queueSql.customCandidatesQuery(userId, true, {}, "forgotten", custom, 10));
    expect(forgotten.map((r) => r.cardId)).toContain(learning!.id);
    await expectRowsParse("customCandidatesQuery", queueSql.customCandidatesQuery(userId, false, { paper: due!.paper.slug, area: "x" }, "ahead", custom, 10), 0);
    await expectRowsParse("customCandidatesQuery", queueSql.customCandidatesQuery(userId, true, {}, "ahead", custom, 10), 3);
  });

  it("the sibling read: candidates and cards answered today", async () => {
    const [reverse] = await liveCards(1, "reverse");
    const [cloze] = await liveCards(1, "cloze");
    await db.reviewLog.create({
      data: {
        id: randomUUID(), clientId: randomUUID(), userId, cardId: reverse!.id, rating: 3, state: 0, due: new Date(),
        stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0,
        reviewedAt: new Date(), durationMs: 1000, previous: {}, source: "review",
      },
    });
    const rows = await expectRowsParse("siblingCardsQuery", queueSql.siblingCardsQuery(userId, [cloze!.id], new Date(0)), 2);
    expect(rows.map((r) => r.answered).sort()).toEqual([false, true]);
  });

  it("the progress statements: per study day, retention, curve groups, today, forecast and notes", async () => {
    const now = new Date();
    const [card] = await liveCards(1);
    // A review of a review-state card (state 2, stability > 0): the retention and curve rows.
    await db.reviewLog.create({
      data: {
        id: randomUUID(), clientId: randomUUID(), userId, cardId: card!.id, rating: 3, state: 2, due: now,
        stability: 4, difficulty: 5, elapsedDays: 4, lastElapsedDays: 2, scheduledDays: 4, learningSteps: 0,
        reviewedAt: new Date(now.getTime() - 1000), durationMs: 4000, previous: {}, source: "review",
      },
    });
    const buckets = `{"${new Date(0).toISOString()}","${new Date(now.getTime() - 86_400_000).toISOString()}"}`;
    await expectRowsParse("firstReviewQuery", progressSql.firstReviewQuery(userId));
    const perDay = await expectRowsParse("reviewsPerBucketQuery", progressSql.reviewsPerBucketQuery(userId, buckets, new Date(0), now));
    expect(perDay.some((r) => r.ms !== null)).toBe(true);
    await expectRowsParse("retentionPerBucketQuery", progressSql.retentionPerBucketQuery(userId, buckets, new Date(0), now));
    await expectRowsParse("elapsedStabilityGroupsQuery", progressSql.elapsedStabilityGroupsQuery(userId, new Date(0), new Date(0), now));
    await expectRowsParse("reviewsBeforeQuery", progressSql.reviewsBeforeQuery(userId, now));
    await expectRowsParse("answersByStateQuery", progressSql.answersByStateQuery(userId, new Date(0), now), 2);
    await expectRowsParse("dueDatesQuery", progressSql.dueDatesQuery(userId, new Date(now.getTime() + 86_400_000)));
    await expectRowsParse("studiedPerNoteQuery", progressSql.studiedPerNoteQuery(userId));
  });

  it("the scheduling tools' statements: due counts per day, the break's read and write, mastery", async () => {
    const now = new Date();
    // The queue case's two review cards (due yesterday) and the first case's answered card (due at its answer): bucket 1.
    const bounds = [new Date(now.getTime() - 3 * 86_400_000), now, new Date(now.getTime() + 86_400_000)];
    const counts = await expectRowsParse("dueCountsQuery", loadBalanceSql.dueCountsQuery(userId, null, bounds));
    expect(counts.find((r) => r.bucket === 1)?.n).toBe(3);
    const [state] = await expectRowsParse("breakReviewCardsQuery", afterBreakSql.breakReviewCardsQuery(userId), 2);
    // A move to where the card already is: the write runs (new version, a RescheduleLog row), nothing shifts.
    const move = { cardId: state!.cardId, version: state!.version, fromDue: state!.due, fromScheduledDays: state!.scheduledDays, due: state!.due, scheduledDays: state!.scheduledDays, retrievability: 1 };
    const [applied] = await expectRowsParse("applyBreakQuery", afterBreakSql.applyBreakQuery(userId, "postpone", [move], now));
    expect(applied?.n).toBe(1);
    await expectRowsParse("liveCardsPerPaperQuery", masterySql.liveCardsPerPaperQuery(userId));
    await expectRowsParse("studiedStatesByPaperQuery", masterySql.studiedStatesByPaperQuery(userId), 2);
  });

  it("the card controls' statements: visibility, note scope, the missing states, the locked read and the write", async () => {
    // Cards the other cases leave alone (they take the first five).
    const cards = (await liveCards(8)).slice(6);
    const ids = cards.map((c) => c.id);
    const [visible] = await expectRowsParse("visibleCardCountQuery", cardControlsSql.visibleCardCountQuery(userId, ids));
    expect(visible?.n).toBe(2);
    await expectRowsParse("cardsOfTheirNotesQuery", cardControlsSql.cardsOfTheirNotesQuery(userId, ids), 2);
    const now = new Date();
    covered.add("insertMissingStatesStatement");
    expect(await db.$executeRaw(cardControlsSql.insertMissingStatesStatement(userId, ids, now, now))).toBe(2);
    await expectRowsParse("cardControlsQuery", cardControlsSql.cardControlsQuery(userId, ids), 2);
    const [row] = await expectRowsParse("lockedCardControlsQuery", cardControlsSql.lockedCardControlsQuery(userId, ids), 2);
    // Flagged, with a bury date: the nullable column set.
    const next = { ...row!, flag: 2, buriedUntil: now, version: row!.version + 1 };
    covered.add("writeControlsStatement");
    expect(await db.$executeRaw(cardControlsSql.writeControlsStatement(userId, row!.cardId, next, storedStateOf(row!), now))).toBe(1);
    expect(await db.$executeRaw(cardControlsSql.writeControlsStatement(userId, row!.cardId, next, storedStateOf(row!), null))).toBe(1);
    const locked = await expectRowsParse("lockedCardControlsQuery", cardControlsSql.lockedCardControlsQuery(userId, ids), 2);
    expect(locked.some((r) => r.buriedUntil !== null) && locked.some((r) => r.buriedUntil === null)).toBe(true);
  });

  it("the replay's and the retention simulation's reads", async () => {
    // The progress case logged a review of a review-state card (stability 4) and the queue case wrote two such states.
    const logs = await expectRowsParse("replayLogsQuery", rescheduleSql.replayLogsQuery(userId, null), 3);
    await expectRowsParse("replayLogsQuery", rescheduleSql.replayLogsQuery(userId, [logs[0]!.cardId]));
    await expectRowsParse("stateVersionsQuery", rescheduleSql.stateVersionsQuery(userId, null), 2);
    await expectRowsParse("simulatedCardsQuery", retentionSql.simulatedCardsQuery(userId), 2);
    await expectRowsParse("answerDurationsQuery", retentionSql.answerDurationsQuery(userId, 10), 2);
  });

  it("a note's new-card allowance and the daily goal's count", async () => {
    const now = new Date();
    const [card] = await liveCards(1);
    const today = now.toISOString().slice(0, 10);
    const [none] = await expectRowsParse("noteAllowanceQuery", allowanceSql.noteAllowanceQuery(userId, card!.paper.slug, today, new Date(0)));
    expect(none?.allowance).toBeNull();
    covered.add("setNoteAllowanceStatement");
    expect(await db.$executeRaw(allowanceSql.setNoteAllowanceStatement(userId, none!.paperId, today, 3))).toBe(1);
    const [set] = await expectRowsParse("noteAllowanceQuery", allowanceSql.noteAllowanceQuery(userId, card!.paper.slug, today, new Date(0)));
    expect(set?.allowance).toBe(3);
    // No answers in the window (ms null), then the whole history (ms set).
    const [extra] = await expectRowsParse("addNewCardsTodayQuery", settingsSql.addNewCardsTodayQuery(userId, 7, today, 5));
    expect(extra?.extraNew).toBe(5);
    const [empty] = await expectRowsParse("answersTodayQuery", dailyGoalSql.answersTodayQuery(userId, now, now));
    expect(empty?.ms).toBeNull();
    const [all] = await expectRowsParse("answersTodayQuery", dailyGoalSql.answersTodayQuery(userId, new Date(0), now));
    expect(all?.ms).not.toBeNull();
  });

  it("the library search and the Chinese words of the notes", async () => {
    await expectRowsParse("searchQuery", searchSql.searchQuery("learning", "en", userId));
    await expectRowsParse("searchQuery", searchSql.searchQuery("learning", "zh", null));
    const words = await expectRowsParse("chineseWordsQuery", searchSql.chineseWordsQuery());
    expect(words.some((w) => w.title !== null)).toBe(true);
  });

  it("the quiz's weak spots and the optimizer's claim", async () => {
    const question = await db.quizQuestion.findFirstOrThrow({ select: { id: true } });
    await db.quizAttempt.create({
      data: {
        userId, scope: { kind: "weak" }, title: "sql-rows", seed: "s", mode: "each", questionIds: [question.id],
        answers: { create: { questionId: question.id, response: {}, score: 0, correct: false, timeMs: 1000 } },
      },
    });
    const [history] = await expectRowsParse("questionHistoryQuery", quizSql.questionHistoryQuery(userId));
    expect([history?.answered, history?.missed]).toEqual([1, 1]);
    // The first claim inserts; a second, while that one runs, gets no row.
    await expectRowsParse("claimOptimizerJobQuery", optimizerSql.claimOptimizerJobQuery(userId, JSON.stringify({ state: "running" }), 60_000));
    expect(await rowsOf(optimizerSql.claimOptimizerJobQuery(userId, JSON.stringify({ state: "running" }), 60_000))).toEqual([]);
  });

  it("the card browser's page: studied cards (state columns set) and new ones (null), every filter", async () => {
    const now = new Date();
    const context = { now, tomorrow: new Date(now.getTime() + 86_400_000), weekEnd: new Date(now.getTime() + 7 * 86_400_000), decay: -0.5, factor: 19 / 81 };
    const page = await expectRowsParse("cardPageQuery", cardBrowserSql.cardPageQuery(userId, parseCardBrowserQuery({ sort: "due" }), { ...context, locale: "en" }), 2);
    expect(page.some((r) => r.due !== null) && page.some((r) => r.due === null)).toBe(true);
    // Every filter at once (may match nothing: the statement and its types are what is checked).
    const filtered = parseCardBrowserQuery({ q: "a_%", note: page[0]!.slug, state: "review", due: "overdue", flag: "0", suspended: "no", leech: "no", dMin: "1", dMax: "10", rMin: "1", rMax: "100", sort: "retrievability", dir: "desc" });
    await expectRowsParse("cardPageQuery", cardBrowserSql.cardPageQuery(userId, filtered, { ...context, locale: "zh-CN" }), 0);
  });

  it("covers every statement the sql/ modules build", () => {
    const builders = Object.entries({ ...answerSql, ...progressSql, ...queueSql, ...loadBalanceSql, ...afterBreakSql, ...masterySql, ...cardControlsSql, ...rescheduleSql, ...retentionSql, ...allowanceSql, ...dailyGoalSql, ...searchSql, ...quizSql, ...optimizerSql, ...cardBrowserSql, ...settingsSql })
      .filter(([name, value]) => typeof value === "function" && /(Quer(y|ies)|Statement)$/.test(name))
      .map(([name]) => name)
      .sort();
    expect(builders.filter((name) => !covered.has(name))).toEqual([]);
  });
});
