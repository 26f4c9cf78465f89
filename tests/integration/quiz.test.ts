import { describe, expect, it } from "vitest";
import { presentQuestion, type QuizQuestion } from "@/app/lib/domain/quiz";
import { db } from "@/app/lib/server/db";
import { NotFoundError, BadRequestError } from "@/app/lib/server/errors";
import {
  answerQuizQuestion,
  claimGuestAttempts,
  discardQuizAttempt,
  getAttemptView,
  retakeMissedQuestions,
  startQuizAttempt,
  type QuizOwner,
} from "@/app/lib/server/data/quiz-attempts";
import { getQuizHistory } from "@/app/lib/server/data/quiz-history";
import { presentationSeed, questionSelect, toQuizQuestion, type QuestionView } from "@/app/lib/server/data/quiz-questions";
import { getWeakNotes } from "@/app/lib/server/data/quiz-weak-spots";

const NOW = new Date("2026-11-20T10:00:00Z");

async function newUser(): Promise<QuizOwner & { kind: "user" }> {
  const email = `quiz-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await db.user.create({ data: { email }, select: { id: true } });
  return { kind: "user", userId: user.id };
}

function guest(): QuizOwner {
  return { kind: "guest", guestToken: `guest-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-0123456789` };
}

async function questionOf(id: string): Promise<QuizQuestion> {
  return toQuizQuestion(await db.quizQuestion.findUniqueOrThrow({ where: { id }, select: questionSelect }));
}

/** The right answer in shown indices, as a user who knows it would give it. */
async function rightResponse(attemptId: string, questionId: string) {
  const { seed } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { seed: true } });
  const question = await questionOf(questionId);
  const { order } = presentQuestion(question, presentationSeed(seed, questionId));
  switch (question.type) {
    case "single":
      return order.indexOf(question.answer);
    case "multiple":
      return question.answer.map((a) => order.indexOf(a));
    case "ordering":
      return question.items.map((_, original) => order.indexOf(original));
    case "truefalse":
      return question.answer;
    case "short":
      return question.answer;
    case "numeric":
      return String(question.answer);
  }
}

async function answerAll(owner: QuizOwner, attemptId: string, pick: (position: number) => "right" | "skip") {
  const view = await getAttemptView(owner, attemptId);
  let current: QuestionView | null = view.current;
  const outcomes = [];
  while (current) {
    const response = pick(current.position) === "right" ? await rightResponse(attemptId, current.id) : null;
    const outcome = await answerQuizQuestion(owner, { attemptId, questionId: current.id, response, timeMs: 1500 }, NOW);
    outcomes.push(outcome);
    current = outcome.next;
  }
  return outcomes;
}

const VIEW_KEYS = new Set(["id", "position", "promptHtml", "type", "choicesHtml", "itemsHtml", "unit"]);

describe("quiz attempts on PostgreSQL", () => {
  it("never puts the answer, the explanation or the note in a question's payload", async () => {
    const owner = await newUser();
    const started = await startQuizAttempt(owner, { scope: { kind: "areas", areas: ["vision", "language", "concepts", "video", "clip-family"] }, length: 50, mode: "end" }, NOW, "payload-seed");
    expect(started.total).toBe(50);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    const seenTypes = new Set<string>();
    let current = (await getAttemptView(owner, started.attemptId)).current;
    while (current) {
      const row = await db.quizQuestion.findUniqueOrThrow({ where: { id: current.id }, include: { paper: true } });
      const json = JSON.stringify(current);
      seenTypes.add(current.type);
      expect(Object.keys(current).every((k) => VIEW_KEYS.has(k)), json).toBe(true);
      expect(json).not.toContain(row.explanation.slice(0, 40));
      expect(json).not.toContain(`/papers/${row.paper.slug}`);
      const question = toQuizQuestion(row);
      if (question.type === "short") expect(json.toLowerCase()).not.toContain(`>${question.answer.toLowerCase()}<`);
      if (question.type === "ordering" && current.type === "ordering") {
        expect(current.itemsHtml.length).toBe(question.items.length);
        expect(current.itemsHtml).not.toEqual(question.items);
      }
      const outcome = await answerQuizQuestion(owner, { attemptId: attempt.id, questionId: current.id, response: null, timeMs: 10 }, NOW);
      // "end" mode: no feedback until the quiz is over.
      expect(outcome.feedback).toBeNull();
      current = outcome.next;
    }
    expect(seenTypes.size).toBeGreaterThanOrEqual(5);
  });

  it("spreads a mixed quiz across the chosen notes and never asks a retired question", async () => {
    const owner = await newUser();
    const retired = await db.quizQuestion.findFirstOrThrow({ where: { paper: { slug: "moco" }, retiredAt: null }, select: { id: true } });
    await db.quizQuestion.update({ where: { id: retired.id }, data: { retiredAt: NOW } });
    try {
      const started = await startQuizAttempt(owner, { scope: { kind: "note", slug: "moco" }, length: 50, mode: "each" }, NOW);
      const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
      expect(attempt.questionIds).not.toContain(retired.id);
      const active = await db.quizQuestion.count({ where: { paper: { slug: "moco" }, retiredAt: null } });
      // All of them, except that only one "which paper introduced" question (answer: MoCo) is asked.
      const whichPaper = await db.quizQuestion.count({ where: { paper: { slug: "moco" }, retiredAt: null, key: { startsWith: "d-introduced-" } } });
      expect(attempt.questionIds.length).toBe(active - Math.max(0, whichPaper - 1));
    } finally {
      await db.quizQuestion.update({ where: { id: retired.id }, data: { retiredAt: null } });
    }
    const mixed = await startQuizAttempt(owner, { scope: { kind: "areas", areas: ["vision"] }, length: 20, mode: "each" }, NOW);
    const ids = (await db.quizAttempt.findUniqueOrThrow({ where: { id: mixed.attemptId } })).questionIds;
    const notes = await db.quizQuestion.findMany({ where: { id: { in: ids } }, select: { paper: { select: { slug: true, area: true } } } });
    expect(notes.every((n) => n.paper.area === "vision")).toBe(true);
    const visionNotes = await db.paper.count({ where: { area: "vision", retiredAt: null, questions: { some: {} } } });
    expect(new Set(notes.map((n) => n.paper.slug)).size).toBe(Math.min(visionNotes, 20));
  });

  it("scores on the server, shows feedback after each question and finishes with the mean score", async () => {
    const owner = await newUser();
    const started = await startQuizAttempt(owner, { scope: { kind: "note", slug: "moco" }, length: 4, mode: "each" }, NOW);
    const outcomes = await answerAll(owner, started.attemptId, (p) => (p % 2 === 0 ? "right" : "skip"));
    expect(outcomes.map((o) => o.feedback?.correct)).toEqual([true, false, true, false]);
    expect(outcomes[0]?.feedback?.explanationHtml.length).toBeGreaterThan(10);
    expect(outcomes[0]?.feedback?.passageHref).toMatch(/^\/papers\/moco(#[a-z0-9-]+)?$/);
    const last = outcomes[outcomes.length - 1];
    expect(last?.finished).toBe(true);
    expect(last?.score).toBeCloseTo(0.5, 10);
    const view = await getAttemptView(owner, started.attemptId);
    expect(view.score).toBeCloseTo(0.5, 10);
    expect(view.missedCount).toBe(2);
    expect(view.timeMs).toBe(4 * 1500);
    await expect(
      answerQuizQuestion(owner, { attemptId: started.attemptId, questionId: outcomes[0]?.feedback?.questionId ?? "", response: null, timeMs: 1 }, NOW),
    ).rejects.toThrow("finished");
  });

  it("gives 404 for another user's attempt and for a guest's token", async () => {
    const owner = await newUser();
    const other = await newUser();
    const started = await startQuizAttempt(owner, { scope: { kind: "note", slug: "bert" }, length: 3, mode: "each" }, NOW);
    const view = await getAttemptView(owner, started.attemptId);
    await expect(getAttemptView(other, started.attemptId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttemptView(guest(), started.attemptId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      answerQuizQuestion(other, { attemptId: started.attemptId, questionId: view.current?.id ?? "", response: null, timeMs: 1 }, NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(retakeMissedQuestions(other, started.attemptId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.quizAnswer.count({ where: { attemptId: started.attemptId } })).toBe(0);
  });

  it("discards an unfinished attempt of its owner only, and never a finished one", async () => {
    const owner = await newUser();
    const other = await newUser();
    const kept = await startQuizAttempt(owner, { scope: { kind: "note", slug: "bert" }, length: 1, mode: "each" }, NOW);
    const dropped = await startQuizAttempt(owner, { scope: { kind: "note", slug: "bert" }, length: 1, mode: "each" }, NOW);
    await expect(discardQuizAttempt(other, dropped.attemptId)).rejects.toBeInstanceOf(NotFoundError);
    await discardQuizAttempt(owner, dropped.attemptId);
    const history = await getQuizHistory(owner);
    expect(history.inProgress.map((a) => a.id)).toEqual([kept.attemptId]);
    // Finish the kept one: then it is history and cannot be discarded.
    const view = await getAttemptView(owner, kept.attemptId);
    await answerQuizQuestion(owner, { attemptId: kept.attemptId, questionId: view.current?.id ?? "", response: null, timeMs: 1 }, NOW);
    await expect(discardQuizAttempt(owner, kept.attemptId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.quizAttempt.count({ where: { id: kept.attemptId } })).toBe(1);
  });

  it("asks at most one 'which paper introduced' question in a note quiz", async () => {
    const owner = await newUser();
    for (const slug of ["moco", "clip", "bert"]) {
      const started = await startQuizAttempt(owner, { scope: { kind: "note", slug }, length: 50, mode: "end" }, NOW);
      const { questionIds } = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questionIds: true } });
      const keys = await db.quizQuestion.findMany({ where: { id: { in: questionIds } }, select: { key: true } });
      expect(keys.filter((k) => k.key.startsWith("d-introduced-")).length).toBeLessThanOrEqual(1);
    }
  });

  it("resumes after a reload at the first unanswered question, shown exactly as before", async () => {
    const owner = await newUser();
    const started = await startQuizAttempt(owner, { scope: { kind: "areas", areas: ["vision", "language"] }, length: 6, mode: "each" }, NOW);
    const first = await getAttemptView(owner, started.attemptId);
    const a = await answerQuizQuestion(owner, { attemptId: started.attemptId, questionId: first.current?.id ?? "", response: null, timeMs: 5 }, NOW);
    const b = await answerQuizQuestion(owner, { attemptId: started.attemptId, questionId: a.next?.id ?? "", response: null, timeMs: 5 }, NOW);
    // A resent answer (double click, retried request) keeps the first one.
    const again = await answerQuizQuestion(owner, { attemptId: started.attemptId, questionId: a.next?.id ?? "", response: null, timeMs: 99 }, NOW);
    expect(again.answered).toBe(2);
    const reloaded = await getAttemptView(owner, started.attemptId);
    expect(reloaded.answered).toBe(2);
    expect(reloaded.current).toEqual(b.next);
    expect(reloaded.current?.position).toBe(2);
    expect(reloaded.feedback.map((f) => f.position)).toEqual([0, 1]);
    expect(await getAttemptView(owner, started.attemptId)).toEqual(reloaded);
  });

  it("rejects an answer of the wrong shape without saving it", async () => {
    const owner = await newUser();
    const started = await startQuizAttempt(owner, { scope: { kind: "note", slug: "moco" }, length: 10, mode: "each" }, NOW);
    const view = await getAttemptView(owner, started.attemptId);
    await expect(
      answerQuizQuestion(owner, { attemptId: started.attemptId, questionId: view.current?.id ?? "", response: [0, 0, 0, 0, 0, 0, 0, 0, 0, 9], timeMs: 1 }, NOW),
    ).rejects.toBeInstanceOf(BadRequestError);
    expect(await db.quizAnswer.count({ where: { attemptId: started.attemptId } })).toBe(0);
  });

  it("scores a short question's Chinese answer as right, and its English answer too, on the one question", async () => {
    const question = await db.quizQuestion.findFirstOrThrow({ where: { type: "short", retiredAt: null, paper: { slug: "batchnorm-vs-layernorm" } }, select: { id: true, answer: true } });
    const chinese = (question.answer as { zh?: { value: string } }).zh?.value;
    expect(chinese).toMatch(/\p{Script=Han}/u);
    const scored = [];
    for (const response of [`${chinese ?? ""}。`, (question.answer as { value: string }).value, "批归一化"]) {
      const owner = await newUser();
      const attempt = await db.quizAttempt.create({
        data: { userId: owner.userId, scope: { kind: "note", slug: "batchnorm-vs-layernorm" }, title: "BN", seed: "s", mode: "each", questionIds: [question.id] },
      });
      const outcome = await answerQuizQuestion(owner, { attemptId: attempt.id, questionId: question.id, response, timeMs: 1 }, NOW);
      scored.push(outcome.feedback?.correct);
    }
    expect(scored).toEqual([true, true, false]);
  });

  it("brings the cards linked to a missed question forward without writing a review", async () => {
    const owner = await newUser();
    const link = await db.quizQuestionCard.findFirstOrThrow({ where: { question: { retiredAt: null, paper: { slug: "moco" } } }, select: { questionId: true, cardId: true } });
    const later = new Date(NOW.getTime() + 20 * 86_400_000);
    await db.cardState.create({
      data: { userId: owner.userId, cardId: link.cardId, due: later, stability: 20, difficulty: 5, elapsedDays: 3, scheduledDays: 20, learningSteps: 0, reps: 4, lapses: 0, state: 2, lastReview: NOW, version: 3 },
    });
    const attempt = await db.quizAttempt.create({
      data: { userId: owner.userId, scope: { kind: "note", slug: "moco" }, title: "MoCo", seed: "s", mode: "each", questionIds: [link.questionId] },
    });
    const outcome = await answerQuizQuestion(owner, { attemptId: attempt.id, questionId: link.questionId, response: null, timeMs: 1 }, NOW);
    expect(outcome.cardsBroughtForward).toBe(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: owner.userId, cardId: link.cardId } } });
    expect(state.due.getTime()).toBe(NOW.getTime());
    expect(state.version).toBe(4);
    expect(state.stability).toBe(20);
    expect(await db.reviewLog.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it("draws weak spots from the user's own cards and misses, not from another user's", async () => {
    const owner = await newUser();
    const other = await newUser();
    // The owner keeps forgetting a DETR card and missed a BERT question; the other user forgets CLIP.
    const detrCard = await db.card.findFirstOrThrow({ where: { paper: { slug: "detr" }, retiredAt: null }, select: { id: true } });
    const clipCards = await db.card.findMany({ where: { paper: { slug: "clip" }, retiredAt: null }, select: { id: true }, take: 5 });
    const longAgo = new Date(NOW.getTime() - 200 * 86_400_000);
    const forgotten = { due: longAgo, stability: 2, difficulty: 9, elapsedDays: 2, scheduledDays: 2, learningSteps: 0, reps: 9, lapses: 5, state: 2, lastReview: longAgo };
    await db.cardState.create({ data: { userId: owner.userId, cardId: detrCard.id, ...forgotten } });
    await db.cardState.createMany({ data: clipCards.map((c) => ({ userId: other.userId, cardId: c.id, ...forgotten })) });
    const bertQuestion = await db.quizQuestion.findFirstOrThrow({ where: { paper: { slug: "bert" }, retiredAt: null }, select: { id: true } });
    const past = await db.quizAttempt.create({
      data: { userId: owner.userId, scope: { kind: "note", slug: "bert" }, title: "BERT", seed: "p", mode: "each", questionIds: [bertQuestion.id] },
    });
    await answerQuizQuestion(owner, { attemptId: past.id, questionId: bertQuestion.id, response: null, timeMs: 1 }, NOW);

    const weakNotes = await getWeakNotes(owner.userId, NOW);
    expect(weakNotes.map((n) => n.slug).sort()).toEqual(["bert", "detr"]);
    const started = await startQuizAttempt(owner, { scope: { kind: "weak" }, length: 20, mode: "each" }, NOW);
    const ids = (await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).questionIds;
    const slugs = await db.quizQuestion.findMany({ where: { id: { in: ids } }, select: { paper: { select: { slug: true } } } });
    expect(new Set(slugs.map((s) => s.paper.slug))).toEqual(new Set(["bert", "detr"]));
    expect(ids).toContain(bertQuestion.id);

    const fresh = await newUser();
    await expect(startQuizAttempt(fresh, { scope: { kind: "weak" }, length: 10, mode: "each" }, NOW)).rejects.toThrow("No weak spots yet");
    await expect(startQuizAttempt(guest(), { scope: { kind: "weak" }, length: 10, mode: "each" }, NOW)).rejects.toThrow("Sign in");
  });

  it("retakes exactly the missed questions and keeps the history per quiz with its trend", async () => {
    const owner = await newUser();
    const first = await startQuizAttempt(owner, { scope: { kind: "note", slug: "vit" }, length: 4, mode: "end" }, NOW);
    await answerAll(owner, first.attemptId, (p) => (p < 1 ? "right" : "skip"));
    const ids = (await db.quizAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).questionIds;
    const retake = await retakeMissedQuestions(owner, first.attemptId, NOW);
    const retakeIds = (await db.quizAttempt.findUniqueOrThrow({ where: { id: retake.attemptId } })).questionIds;
    expect([...retakeIds].sort()).toEqual(ids.slice(1).sort());
    await answerAll(owner, retake.attemptId, () => "right");
    expect((await getAttemptView(owner, retake.attemptId)).score).toBe(1);

    const second = await startQuizAttempt(owner, { scope: { kind: "note", slug: "vit" }, length: 4, mode: "end" }, new Date(NOW.getTime() + 1000));
    await answerAll(owner, second.attemptId, (p) => (p < 3 ? "right" : "skip"));
    const history = await getQuizHistory(owner);
    const vit = history.groups.find((g) => g.quizKey === "note:vit");
    expect(vit?.attempts.map((a) => a.score)).toEqual([0.25, 0.75]);
    expect(vit?.trend.direction).toBe("up");
    expect(history.groups.find((g) => g.quizKey === "retake:note:vit")?.attempts).toHaveLength(1);
  });

  it("lets a guest take a quiz and gives it to the user who signs in", async () => {
    const visitor = guest();
    const started = await startQuizAttempt(visitor, { scope: { kind: "note", slug: "moco" }, length: 3, mode: "each" }, NOW);
    await answerAll(visitor, started.attemptId, () => "skip");
    expect((await getAttemptView(visitor, started.attemptId)).score).toBe(0);
    const owner = await newUser();
    const linked = await db.quizQuestionCard.findMany({
      where: { questionId: { in: (await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).questionIds } },
      select: { cardId: true },
    });
    const future = new Date(NOW.getTime() + 30 * 86_400_000);
    for (const { cardId } of linked) {
      await db.cardState.upsert({
        where: { userId_cardId: { userId: owner.userId, cardId } },
        create: { userId: owner.userId, cardId, due: future, stability: 30, difficulty: 5, elapsedDays: 1, scheduledDays: 30, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: NOW },
        update: {},
      });
    }
    const later = new Date(NOW.getTime() + 60_000);
    expect(await claimGuestAttempts(owner.userId, visitor.kind === "guest" ? visitor.guestToken : "", later)).toBe(1);
    expect((await getAttemptView(owner, started.attemptId)).score).toBe(0);
    await expect(getAttemptView(visitor, started.attemptId)).rejects.toBeInstanceOf(NotFoundError);
    const states = await db.cardState.findMany({ where: { userId: owner.userId } });
    expect(states.every((s) => s.due.getTime() === later.getTime())).toBe(true);
  });
});
