import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { MalformedResponseError, presentQuestion, scoreAnswer, toOriginalResponse } from "@/app/lib/domain/quiz";
import { type AnswerQuizQuestionInput } from "@/app/lib/schemas/quiz";
import { db } from "../db";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import {
  presentationSeed,
  questionFeedback,
  questionSelect,
  questionView,
  toQuizQuestion,
  type QuestionFeedback,
  type QuestionView,
} from "./quiz-questions";
import { quizOwnerWhere, type QuizOwner } from "./quiz-attempt-owner";
import { asMode, loadQuestions, nextUnanswered } from "./quiz-attempt-view";

/** Quiz attempts: answering (scored here, never on the page), finishing, and the cards a miss brings forward. */

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
export async function bringCardsForward(tx: Tx | typeof db, userId: string, cardIds: readonly string[], now: Date): Promise<number> {
  if (cardIds.length === 0) return 0;
  const { count } = await tx.cardState.updateMany({
    where: { userId, cardId: { in: [...cardIds] }, due: { gt: now } },
    data: { due: now, version: { increment: 1 } },
  });
  return count;
}
