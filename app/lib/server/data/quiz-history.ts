import "#server-only";
import { scoreTrend, type ScoreTrend } from "@/app/lib/domain/quiz";
import { db } from "../db";
import { parseScope, quizKeyOf, quizOwnerWhere, type QuizOwner } from "./quiz-attempts";

/** How many recent attempts the history reads (a long history still loads quickly). */
const HISTORY_LIMIT = 300;

export interface AttemptSummary {
  id: string;
  title: string;
  total: number;
  answered: number;
  score: number | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface QuizHistoryGroup {
  quizKey: string;
  title: string;
  /** Finished attempts, oldest first. */
  attempts: AttemptSummary[];
  trend: ScoreTrend;
  best: number;
  last: number;
}

export interface QuizHistory {
  inProgress: AttemptSummary[];
  groups: QuizHistoryGroup[];
}

/**
 * The owner's attempts: those still in progress (newest first, to resume) and the finished
 * ones grouped per quiz (same note, same areas, weak spots, retakes of one quiz), each group
 * with the trend of its scores. Groups are ordered by their latest attempt.
 */
export async function getQuizHistory(owner: QuizOwner, onlyQuizKey?: string): Promise<QuizHistory> {
  const rows = await db.quizAttempt.findMany({
    where: quizOwnerWhere(owner),
    orderBy: { startedAt: "desc" },
    take: HISTORY_LIMIT,
    select: {
      id: true,
      title: true,
      scope: true,
      questionIds: true,
      score: true,
      startedAt: true,
      finishedAt: true,
      _count: { select: { answers: true } },
    },
  });
  const inProgress: AttemptSummary[] = [];
  const groups = new Map<string, { title: string; attempts: AttemptSummary[] }>();
  for (const row of rows) {
    const key = quizKeyOf(parseScope(row.scope));
    if (onlyQuizKey !== undefined && key !== onlyQuizKey) continue;
    const summary: AttemptSummary = {
      id: row.id,
      title: row.title,
      total: row.questionIds.length,
      answered: row._count.answers,
      score: row.score,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
    if (!row.finishedAt) {
      inProgress.push(summary);
      continue;
    }
    const group = groups.get(key) ?? { title: row.title, attempts: [] };
    group.attempts.push(summary);
    groups.set(key, group);
  }
  return {
    inProgress,
    groups: [...groups.entries()].map(([quizKey, group]) => {
      const attempts = group.attempts.reverse();
      const scores = attempts.map((a) => a.score ?? 0);
      return {
        quizKey,
        title: group.title,
        attempts,
        trend: scoreTrend(scores),
        best: Math.max(...scores),
        last: scores[scores.length - 1] ?? 0,
      };
    }),
  };
}
