import Link from "next/link";
import { useTranslations } from "next-intl";
import type { QuizHistoryGroup } from "@/app/lib/server/data/quiz-history";
import { ScoreSparkline } from "./score-sparkline";

export const percent = (score: number | null) => (score === null ? "–" : `${Math.round(score * 100)} %`);

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** Finished attempts grouped per quiz, with each quiz's trend. */
export function QuizHistoryList({ groups, currentId }: { groups: QuizHistoryGroup[]; currentId?: string }) {
  const t = useTranslations("quizResults");
  if (groups.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noHistory")}</p>;
  return (
    <ul className="space-y-4" data-testid="quiz-history">
      {groups.map((group) => (
        <li key={group.quizKey} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="quiz-history-group">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-medium">{group.title}</h3>
            <ScoreSparkline scores={group.attempts.map((a) => a.score ?? 0)} trend={group.trend} />
          </div>
          <p className="text-xs text-slate-500">
            {t("attempts", { count: group.attempts.length, last: percent(group.last), best: percent(group.best) })}
          </p>
          <ol className="mt-2 flex flex-wrap gap-2 text-sm">
            {group.attempts.slice(-8).map((attempt) => (
              <li key={attempt.id}>
                <Link
                  href={`/quizzes/${attempt.id}`}
                  aria-current={attempt.id === currentId ? "page" : undefined}
                  title={formatDate(attempt.finishedAt ?? attempt.startedAt)}
                  className={`inline-block rounded border px-2 py-1 ${
                    attempt.id === currentId ? "border-accent-500 bg-accent-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"
                  }`}
                >
                  {percent(attempt.score)}
                </Link>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
