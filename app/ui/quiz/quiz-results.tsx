import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AttemptView } from "@/app/lib/server/data/quiz-attempts";
import type { QuizHistoryGroup } from "@/app/lib/server/data/quiz-history";
import { FeedbackCard } from "./feedback-card";
import { QuizHistoryList, percent } from "./quiz-history";
import { RetakeButton } from "./retake-button";


/** A finished attempt: the score, each question right or wrong with its explanation, what next. */
export function QuizResults({ attempt, history }: { attempt: AttemptView; history: QuizHistoryGroup[] }) {
  const t = useTranslations("quizResults");
  const right = attempt.feedback.filter((f) => f.correct).length;
  const seconds = Math.round(attempt.timeMs / 1000);
  const duration = seconds < 60 ? t("seconds", { s: seconds }) : t("minutes", { m: Math.floor(seconds / 60), s: seconds % 60 });
  return (
    <div className="space-y-8">
      <section className="rounded-xl border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="score-heading">
        <h2 id="score-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("score")}
        </h2>
        <p className="mt-1 text-4xl font-bold" data-testid="quiz-score">
          {percent(attempt.score)}
        </p>
        <p className="mt-1 text-slate-600 dark:text-slate-400" data-testid="quiz-score-detail">
          {t("detail", { right, total: attempt.total, duration })}
        </p>
        {attempt.guest && (
          <p className="mt-3 rounded-md bg-accent-50 p-3 text-sm dark:bg-slate-900" data-testid="quiz-guest-note">
            {t.rich("guest", {
              signin: (chunks) => (
                <Link href={`/signin?callbackUrl=${encodeURIComponent(`/quizzes/${attempt.id}`)}`} className="font-medium text-accent-700 underline dark:text-accent-500">
                  {chunks}
                </Link>
              ),
              signup: (chunks) => (
                <Link href="/signup" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
        <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
          {attempt.missedCount > 0 && <RetakeButton attemptId={attempt.id} missed={attempt.missedCount} />}
          <Link
            href="/quizzes"
            className="inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 px-5 py-2 dark:border-slate-700"
          >
            {t("back")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-lg font-semibold">
          {t("byQuestion")}
        </h2>
        <ol className="space-y-3" data-testid="quiz-results-list">
          {attempt.feedback.map((feedback) => (
            <li key={feedback.questionId}>
              <FeedbackCard feedback={feedback} showPrompt />
            </li>
          ))}
        </ol>
      </section>

      {history.length > 0 && (
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t("history")}
          </h2>
          <QuizHistoryList groups={history} currentId={attempt.id} />
        </section>
      )}
    </div>
  );
}
