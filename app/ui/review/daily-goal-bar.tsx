import Link from "next/link";
import { useTranslations } from "next-intl";
import { goalProgress, type DailyGoal } from "@/app/lib/domain/stats/daily-goal";

/**
 * The daily goal on the review page: how far today has got toward it, updated as the session
 * answers (`reviews` and `ms` include this session's answers).
 */
export function DailyGoalBar({ goal, reviews, ms }: { goal: DailyGoal; reviews: number; ms: number }) {
  const t = useTranslations("dailyGoal");
  const progress = goalProgress(goal, { reviews, ms });
  if (!progress) return null;
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="mb-4 text-sm" data-testid="daily-goal">
      <div className="flex items-baseline justify-between gap-2 text-slate-600 dark:text-slate-300">
        <span id="daily-goal-label">
          {t("label")} <span data-testid="daily-goal-progress">{t("progress", { kind: progress.kind, done: progress.done, target: progress.target })}</span>
          {progress.met && (
            <span data-testid="daily-goal-met" className="ml-2 font-medium text-emerald-700 dark:text-emerald-400">
              {t("met")}
            </span>
          )}
        </span>
        <Link href="/settings#daily-goal" className="text-xs text-accent-600 underline dark:text-accent-100">
          {t("change")}
        </Link>
      </div>
      <div
        role="progressbar"
        aria-labelledby="daily-goal-label"
        aria-valuemin={0}
        aria-valuemax={progress.target}
        aria-valuenow={Math.min(progress.done, progress.target)}
        className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className={`h-2 rounded ${progress.met ? "bg-emerald-600" : "bg-accent-600"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
