import "#server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import {
  MalformedResponseError,
  assembleQuiz,
  presentQuestion,
  scoreAnswer,
  toOriginalResponse,
} from "@/app/lib/domain/quiz";
import {
  storedQuizScopeSchema,
  type AnswerQuizQuestionInput,
  type QuizMode,
  type StartQuizInput,
  type StoredQuizScope,
} from "@/app/lib/schemas/quiz";
import { AREA_LABELS, NOTE_AREAS } from "@/app/lib/schemas/areas";
import { db } from "../db";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import {
  loadAssemblyQuestions,
  presentationSeed,
  questionFeedback,
  questionSelect,
  questionView,
  toQuizQuestion,
  type QuestionFeedback,
  type QuestionRow,
  type QuestionView,
} from "./quiz-questions";
import { weakSpotSelection } from "./quiz-weak-spots";
import { visiblePapers } from "./visibility";

/**
 * Quiz attempts: who owns them, starting one, answering (scored here, never on the page),
 * finishing, retaking the missed questions, and claiming a guest's attempts on sign-in.
 * Every function takes the owner and scopes its query to it.
 */

export type QuizOwner = { kind: "user"; userId: string } | { kind: "guest"; guestToken: string };

/** The attempts this owner may see: a guest's only while no user has claimed them. */
export function quizOwnerWhere(owner: QuizOwner): Prisma.QuizAttemptWhereInput {
  return owner.kind === "user" ? { userId: owner.userId } : { guestToken: owner.guestToken, userId: null };
}

function ownerData(owner: QuizOwner) {
  return owner.kind === "user" ? { userId: owner.userId } : { guestToken: owner.guestToken };
}

export function newSeed(): string {
  return randomBytes(9).toString("base64url");
}

/** The key that groups attempts of "the same quiz" in the history. */
export function quizKeyOf(scope: StoredQuizScope): string {
  switch (scope.kind) {
    case "note":
      return `note:${scope.slug}`;
    case "areas":
      return `areas:${[...scope.areas].sort().join("+")}`;
    case "weak":
      return "weak";
    case "retake":
      return `retake:${scope.of}`;
  }
}

export function parseScope(value: unknown): StoredQuizScope {
  const parsed = storedQuizScopeSchema.safeParse(value);
  return parsed.success ? parsed.data : { kind: "weak" };
}

// ---------------------------------------------------------------- starting

export interface StartedQuiz {
  attemptId: string;
  title: string;
  total: number;
}

/**
 * Draws the questions and saves the attempt with its seed and question order, so the quiz can
 * be shown again exactly as it was. `seed` is for tests and benchmarks.
 */
export async function startQuizAttempt(
  owner: QuizOwner,
  input: StartQuizInput,
  now: Date,
  seed: string = newSeed(),
): Promise<StartedQuiz> {
  let title: string;
  let questionIds: string[];
  let scope: StoredQuizScope;
  // A user's own notes are quizzed like the corpus; a guest has none.
  const userId = owner.kind === "user" ? owner.userId : null;
  switch (input.scope.kind) {
    case "note": {
      const paper = await db.paper.findFirst({
        where: { slug: input.scope.slug, retiredAt: null, ...visiblePapers(userId) },
        select: { short: true },
      });
      if (!paper) throw new NotFoundError("There is no such note.");
      const questions = await loadAssemblyQuestions({ slugs: [input.scope.slug], userId });
      questionIds = assembleQuiz({ questions, noteSlugs: [input.scope.slug], length: input.length, seed }).map((q) => q.key);
      title = paper.short;
      scope = { kind: "note", slug: input.scope.slug };
      break;
    }
    case "areas": {
      const areas = NOTE_AREAS.filter((a) => input.scope.kind === "areas" && input.scope.areas.includes(a));
      const questions = await loadAssemblyQuestions({ areas, userId });
      const noteSlugs = [...new Set(questions.map((q) => q.noteSlug))];
      questionIds = assembleQuiz({ questions, noteSlugs, length: input.length, seed }).map((q) => q.key);
      title = areas.length === NOTE_AREAS.length ? "All areas" : areas.map((a) => AREA_LABELS[a]).join(" + ");
      scope = { kind: "areas", areas };
      break;
    }
    case "weak": {
      if (owner.kind !== "user") throw new BadRequestError("Sign in to be quizzed on your weak spots.");
      const selection = await weakSpotSelection(owner.userId, now);
      if (selection.questions.length === 0) {
        throw new BadRequestError("No weak spots yet: review some cards or take a quiz first.");
      }
      questionIds = assembleQuiz({
        questions: selection.questions,
        noteSlugs: selection.noteSlugs,
        length: input.length,
        seed,
        weights: selection.weights,
      }).map((q) => q.key);
      title = "My weak spots";
      scope = { kind: "weak" };
      break;
    }
  }
  if (questionIds.length === 0) throw new BadRequestError("There are no questions to ask here yet.");
  const attempt = await db.quizAttempt.create({
    data: { ...ownerData(owner), scope, title, seed, mode: input.mode, questionIds, startedAt: now },
    select: { id: true },
  });
  return { attemptId: attempt.id, title, total: questionIds.length };
}

/** A new attempt with the questions of `parentId` that were not fully right (still asked). */
export async function retakeMissedQuestions(owner: QuizOwner, parentId: string, now: Date, seed: string = newSeed()): Promise<StartedQuiz> {
  const parent = await db.quizAttempt.findFirst({
    where: { id: parentId, ...quizOwnerWhere(owner) },
    select: { id: true, title: true, mode: true, scope: true, questionIds: true, finishedAt: true, answers: { select: { questionId: true, correct: true } } },
  });
  if (!parent) throw new NotFoundError("There is no such quiz.");
  if (!parent.finishedAt) throw new ConflictError("Finish this quiz before retaking the questions you missed.");
  const right = new Set(parent.answers.filter((a) => a.correct).map((a) => a.questionId));
  const missed = parent.questionIds.filter((id) => !right.has(id));
  const active = new Set(
    (await loadAssemblyQuestions({ ids: missed, userId: owner.kind === "user" ? owner.userId : null })).map((q) => q.key),
  );
  const questionIds = assembleQuiz({
    questions: missed.filter((id) => active.has(id)).map((id) => ({ key: id, noteSlug: "retake" })),
    noteSlugs: ["retake"],
    length: missed.length,
    seed,
  }).map((q) => q.key);
  if (questionIds.length === 0) throw new BadRequestError("You missed no question that is still asked.");
  const parentScope = parseScope(parent.scope);
  const of = parentScope.kind === "retake" ? parentScope.of : quizKeyOf(parentScope);
  const baseTitle = parent.title.replace(/^Missed in: /, "");
  const title = `Missed in: ${baseTitle}`;
  const attempt = await db.quizAttempt.create({
    data: {
      ...ownerData(owner),
      scope: { kind: "retake", parentId: parent.id, of },
      title,
      seed,
      mode: parent.mode,
      questionIds,
      parentId: parent.id,
      startedAt: now,
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, title, total: questionIds.length };
}

// ---------------------------------------------------------------- reading

export interface AttemptView {
  id: string;
  title: string;
  mode: QuizMode;
  total: number;
  answered: number;
  startedAt: string;
  finishedAt: string | null;
  /** 0..1, once finished. */
  score: number | null;
  /** Total time on questions, from the per-question times. */
  timeMs: number;
  /** The next question to answer; null when finished. */
  current: QuestionView | null;
  /** Feedback the user may see now: each answered question in "each" mode, all of them once finished. */
  feedback: QuestionFeedback[];
  /** Missed (not fully right) questions, once finished. */
  missedCount: number;
  quizKey: string;
  scope: StoredQuizScope;
  guest: boolean;
}

const attemptSelect = {
  id: true,
  userId: true,
  title: true,
  mode: true,
  seed: true,
  scope: true,
  questionIds: true,
  startedAt: true,
  finishedAt: true,
  score: true,
  answers: { select: { questionId: true, response: true, score: true, correct: true, timeMs: true } },
} as const;

type AttemptRow = Prisma.QuizAttemptGetPayload<{ select: typeof attemptSelect }>;

async function findAttemptOrThrow(owner: QuizOwner, attemptId: string): Promise<AttemptRow> {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, ...quizOwnerWhere(owner) }, select: attemptSelect });
  // Another owner's attempt is "not found", never "forbidden": ids do not leak.
  if (!attempt) throw new NotFoundError("There is no such quiz.");
  return attempt;
}

async function loadQuestions(ids: readonly string[]): Promise<Map<string, QuestionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.quizQuestion.findMany({ where: { id: { in: [...ids] } }, select: questionSelect });
  return new Map(rows.map((row) => [row.id, row]));
}

function asMode(mode: string): QuizMode {
  return mode === "end" ? "end" : "each";
}

function nextUnanswered(attempt: Pick<AttemptRow, "questionIds">, answered: ReadonlySet<string>): number {
  return attempt.questionIds.findIndex((id) => !answered.has(id));
}

/** The attempt as its page shows it, or NotFoundError when it is not the owner's. */
export async function getAttemptView(owner: QuizOwner, attemptId: string): Promise<AttemptView> {
  const attempt = await findAttemptOrThrow(owner, attemptId);
  const answered = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const finished = attempt.finishedAt !== null;
  const mode = asMode(attempt.mode);
  const nextIndex = finished ? -1 : nextUnanswered(attempt, new Set(answered.keys()));
  const revealed = finished || mode === "each" ? attempt.questionIds.filter((id) => answered.has(id)) : [];
  const needed = nextIndex >= 0 ? [...revealed, attempt.questionIds[nextIndex] ?? ""] : revealed;
  const questions = await loadQuestions(needed);
  const feedback = revealed.flatMap((id) => {
    const row = questions.get(id);
    const answer = answered.get(id);
    return row && answer ? [questionFeedback(row, answer, attempt.questionIds.indexOf(id))] : [];
  });
  const currentRow = nextIndex >= 0 ? questions.get(attempt.questionIds[nextIndex] ?? "") : undefined;
  const scope = parseScope(attempt.scope);
  return {
    id: attempt.id,
    title: attempt.title,
    mode,
    total: attempt.questionIds.length,
    answered: answered.size,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    score: attempt.score,
    timeMs: attempt.answers.reduce((sum, a) => sum + a.timeMs, 0),
    current: currentRow ? questionView(currentRow, attempt.seed, nextIndex) : null,
    feedback,
    missedCount: finished ? attempt.questionIds.filter((id) => !answered.get(id)?.correct).length : 0,
    quizKey: quizKeyOf(scope),
    scope,
    guest: attempt.userId === null,
  };
}

// ---------------------------------------------------------------- answering

export interface AnswerOutcome {
  /** In "each" mode: this question's feedback; in "end" mode null until the end. */
  feedback: QuestionFeedback | null;
  answered: number;
  total: number;
  finished: boolean;
  /** The final score once finished. */
  score: number | null;
  next: QuestionView | null;
  /** Cards brought forward in the review queue by this miss (signed-in users only). */
  cardsBroughtForward: number;
}

/**
 * Scores one answer on the server and saves it at once (so a reload resumes after it). The
 * response comes in shown indices and is mapped back with the attempt's seed. A question
 * answered twice (a resent request) keeps its first answer. A miss brings the linked cards
 * forward; the last answer finishes the attempt.
 */
export async function answerQuizQuestion(owner: QuizOwner, input: AnswerQuizQuestionInput, now: Date): Promise<AnswerOutcome> {
  // Independent reads go together: an answer costs four round trips to the database.
  const [attempt, row] = await Promise.all([
    db.quizAttempt.findFirst({
      where: { id: input.attemptId, ...quizOwnerWhere(owner) },
      select: { id: true, userId: true, seed: true, mode: true, questionIds: true, finishedAt: true },
    }),
    db.quizQuestion.findUnique({ where: { id: input.questionId }, select: { ...questionSelect, cards: { select: { cardId: true } } } }),
  ]);
  if (!attempt) throw new NotFoundError("There is no such quiz.");
  if (attempt.finishedAt) throw new ConflictError("This quiz is finished.");
  const position = attempt.questionIds.indexOf(input.questionId);
  if (position === -1 || !row) throw new BadRequestError("This question is not part of this quiz.");

  const question = toQuizQuestion(row);
  const { order } = presentQuestion(question, presentationSeed(attempt.seed, row.id));
  let original: unknown;
  let result: { score: number; correct: boolean };
  try {
    original = toOriginalResponse(question, order, input.response);
    result = scoreAnswer(question, original);
  } catch (error) {
    if (error instanceof MalformedResponseError) throw new BadRequestError("This answer does not fit the question.");
    throw error;
  }

  // The primary key (attempt, question) makes a resent answer a no-op: the first one stays.
  const created = await db.quizAnswer.createManyAndReturn({
    data: [
      {
        attemptId: attempt.id,
        questionId: row.id,
        response: original === null || original === undefined ? Prisma.JsonNull : (original as Prisma.InputJsonValue),
        score: result.score,
        correct: result.correct,
        timeMs: input.timeMs,
        answeredAt: now,
      },
    ],
    skipDuplicates: true,
    select: { questionId: true },
  });
  const fresh = created.length === 1;
  const [broughtForward, answers] = await Promise.all([
    fresh && !result.correct && attempt.userId
      ? bringCardsForward(db, attempt.userId, row.cards.map((c) => c.cardId), now)
      : Promise.resolve(0),
    db.quizAnswer.findMany({
      where: { attemptId: attempt.id },
      select: { questionId: true, response: true, score: true, correct: true, timeMs: true },
    }),
  ]);
  const answeredIds = new Set(answers.map((a) => a.questionId));
  const total = attempt.questionIds.length;
  const finished = attempt.questionIds.every((id) => answeredIds.has(id));
  const score = finished ? answers.reduce((sum, a) => sum + a.score, 0) / total : null;
  const nextIndex = finished ? -1 : nextUnanswered(attempt, answeredIds);
  const [, nextRows] = await Promise.all([
    // Two last answers racing both compute the same score; the first update wins.
    finished ? db.quizAttempt.updateMany({ where: { id: attempt.id, finishedAt: null }, data: { finishedAt: now, score } }) : null,
    nextIndex >= 0 ? loadQuestions([attempt.questionIds[nextIndex] ?? ""]) : null,
  ]);
  const nextRow = nextRows?.get(attempt.questionIds[nextIndex] ?? "");
  const saved = answers.find((a) => a.questionId === row.id) ?? { response: original ?? null, ...result, timeMs: input.timeMs };
  return {
    feedback: asMode(attempt.mode) === "each" ? questionFeedback(row, saved, position) : null,
    answered: answers.length,
    total,
    finished,
    score,
    next: nextRow ? questionView(nextRow, attempt.seed, nextIndex) : null,
    cardsBroughtForward: broughtForward,
  };
}

type Tx = Prisma.TransactionClient;

/**
 * Brings cards forward in the user's review queue: their due date becomes `now` (a card
 * already due stays as it is). Only the scheduling changes: no review is logged, because no
 * review happened; `version` is bumped so a review page showing the old state gets a 409.
 */
async function bringCardsForward(tx: Tx | typeof db, userId: string, cardIds: readonly string[], now: Date): Promise<number> {
  if (cardIds.length === 0) return 0;
  const { count } = await tx.cardState.updateMany({
    where: { userId, cardId: { in: [...cardIds] }, due: { gt: now } },
    data: { due: now, version: { increment: 1 } },
  });
  return count;
}

// ---------------------------------------------------------------- guests

/**
 * Gives a guest's attempts to the user who just signed in (the guest token is the proof: it
 * lives in an httpOnly cookie), and brings forward the cards linked to the questions missed in
 * them, as if the user had been signed in while answering. Idempotent.
 */
export async function claimGuestAttempts(userId: string, guestToken: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({ where: { guestToken, userId: null }, select: { id: true } });
    if (attempts.length === 0) return 0;
    const ids = attempts.map((a) => a.id);
    await tx.quizAttempt.updateMany({ where: { id: { in: ids }, userId: null }, data: { userId, guestToken: null } });
    const missed = await tx.quizQuestionCard.findMany({
      where: { question: { answers: { some: { attemptId: { in: ids }, correct: false } } } },
      select: { cardId: true },
    });
    await bringCardsForward(tx, userId, [...new Set(missed.map((m) => m.cardId))], now);
    return ids.length;
  });
}

/**
 * Drops an unfinished attempt from "Carry on" (its answers go with it; what a missed answer
 * did to the linked cards' schedule stays). A finished attempt is history and stays.
 */
export async function discardQuizAttempt(owner: QuizOwner, attemptId: string): Promise<void> {
  const { count } = await db.quizAttempt.deleteMany({ where: { id: attemptId, finishedAt: null, ...quizOwnerWhere(owner) } });
  if (count === 0) throw new NotFoundError("There is no such unfinished quiz.");
}
