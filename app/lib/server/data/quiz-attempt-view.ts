import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { type QuizMode, type StoredQuizScope } from "@/app/lib/schemas/quiz";
import { db } from "../db";
import { NotFoundError } from "../errors";
import {
  questionFeedback,
  questionSelect,
  questionView,
  type QuestionFeedback,
  type QuestionRow,
  type QuestionView,
} from "./quiz-questions";
import { parseScope, quizKeyOf, quizOwnerWhere, type QuizOwner } from "./quiz-attempt-owner";

/** Quiz attempts: reading one back as its page shows it (resume where it was left, or its results). */

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

export async function loadQuestions(ids: readonly string[]): Promise<Map<string, QuestionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.quizQuestion.findMany({ where: { id: { in: [...ids] } }, select: questionSelect });
  return new Map(rows.map((row) => [row.id, row]));
}

export function asMode(mode: string): QuizMode {
  return mode === "end" ? "end" : "each";
}

export function nextUnanswered(attempt: Pick<AttemptRow, "questionIds">, answered: ReadonlySet<string>): number {
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
