import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ScoreTrend } from "@/app/lib/domain/quiz";
import type { CalibrationPoint, ForecastDay, RetentionCounts, TrueRetentionTable } from "@/app/lib/domain/stats";
import type { QuizScorePoint, TodaySummary } from "@/app/lib/server/data/progress";
import { attemptLabels } from "./attempt-labels";
import { CalibrationChart, ForecastChart, QuizTrendChart, RetentionChart } from "./lazy-charts";

export function Section({ id, title, children, description }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`section-${id}`} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{title}</h2>
      {description && <p className="text-sm text-slate-600 dark:text-slate-300">{description}</p>}
      {children}
    </section>
  );
}

type ProgressT = ReturnType<typeof useTranslations<"progress">>;

export function formatDuration(ms: number, t: ProgressT): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return ms > 0 ? t("underMinute") : t("minutes", { m: 0 });
  if (minutes < 60) return t("minutes", { m: minutes });
  return t("hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

export function TodayStats({ today }: { today: TodaySummary }) {
  const t = useTranslations("progress");
  const items = [
    [t("reviews"), String(today.reviews), "today-reviews"],
    [t("newCards"), String(today.byState.new), "today-new"],
    [t("learning"), String(today.byState.learning + today.byState.relearning), "today-learning"],
    [t("review"), String(today.byState.review), "today-review"],
    [t("again"), String(today.again), "today-again"],
    [t("timeSpent"), formatDuration(today.timeMs, t), "today-time"],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([label, value, testId]) => (
        <div key={label} className="rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-900">
          <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="text-xl font-semibold" data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface ForecastSpreading {
  maxOverMean: number | null;
  loadBalance: boolean;
  easyDays: boolean;
}

export function Forecast({ forecast, spread }: { forecast: ForecastDay[]; spread?: ForecastSpreading }) {
  const t = useTranslations("progress");
  const total = forecast.reduce((s, f) => s + f.count, 0);
  const data = forecast.map((f) => ({ label: f.offset === 0 ? t("todayShort") : f.day.slice(5), count: f.count }));
  return (
    <figure className="space-y-2">
      <ForecastChart data={data} />
      <figcaption className="text-sm text-slate-600 dark:text-slate-300" data-testid="forecast-summary">
        {t("forecastSummary", { total, today: forecast[0]?.count ?? 0 })}
      </figcaption>
      {spread && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="forecast-spread">
          {spread.maxOverMean === null ? t("nothingAfterToday") : t("busiest", { ratio: spread.maxOverMean.toFixed(2) })}{" "}
          {t.rich("balancer", {
            on: spread.loadBalance ? "yes" : "no",
            easy: spread.easyDays ? "yes" : "no",
            link: (chunks) => (
              <Link href="/settings#loadBalance" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <div className="sr-only">
        <table data-testid="forecast-table">
          <caption>{t("forecastCaption")}</caption>
          <thead><tr><th scope="col">{t("day")}</th><th scope="col">{t("cardsDue")}</th></tr></thead>
          <tbody>
            {forecast.map((f) => (
              <tr key={f.day}><th scope="row">{f.offset === 0 ? t("todayDay", { day: f.day }) : f.day}</th><td>{f.count}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const PERIODS = ["today", "yesterday", "week", "month", "year", "allTime"] as const;

function Cell({ counts }: { counts: RetentionCounts }) {
  return (
    <td className="px-3 py-1.5 text-right tabular-nums">
      {pct(counts.retention)}
      <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({counts.passed}/{counts.passed + counts.failed})</span>
    </td>
  );
}

export function Retention({ table }: { table: TrueRetentionTable }) {
  const t = useTranslations("progress");
  const chart = PERIODS.filter((key) => key !== "yesterday").map((key) => ({
    label: t(`period.${key}`),
    young: table[key].young.retention,
    mature: table[key].mature.retention,
  }));
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="retention-table">
          <caption className="sr-only">{t("retentionCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left dark:border-slate-800">
              <th scope="col" className="px-3 py-1.5">{t("periodHead")}</th>
              <th scope="col" className="px-3 py-1.5 text-right">{t("young")}</th>
              <th scope="col" className="px-3 py-1.5 text-right">{t("mature")}</th>
              <th scope="col" className="px-3 py-1.5 text-right">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {PERIODS.map((key) => (
              <tr key={key} className="border-b border-slate-100 dark:border-slate-900" data-testid={`retention-${key}`}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{t(`period.${key}`)}</th>
                <Cell counts={table[key].young} />
                <Cell counts={table[key].mature} />
                <Cell counts={table[key].total} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RetentionChart data={chart} />
    </div>
  );
}

export function ForgettingCurve({ points, fitted }: { points: CalibrationPoint[]; fitted: boolean }) {
  const t = useTranslations("progress");
  if (points.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="curve-empty">{t("curveEmpty")}</p>;
  }
  return (
    <figure className="space-y-2">
      <CalibrationChart data={points.map((p) => ({ label: p.label, predicted: p.predicted, observed: p.observed }))} />
      <figcaption className="text-sm text-slate-600 dark:text-slate-300">
        {t("curveCaption", { fitted: fitted ? "yes" : "no" })}
      </figcaption>
      <div className="sr-only">
        <table data-testid="curve-table">
          <caption>{t("curveTable")}</caption>
          <thead><tr><th scope="col">{t("daysSince")}</th><th scope="col">{t("reviews")}</th><th scope="col">{t("predicted")}</th><th scope="col">{t("observed")}</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}><th scope="row">{p.label}</th><td>{p.reviews}</td><td>{pct(p.predicted)}</td><td>{pct(p.observed)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function QuizTrend({ scores, trend, timeZone }: { scores: QuizScorePoint[]; trend: ScoreTrend; timeZone: string }) {
  const t = useTranslations("progress");
  if (scores.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="quiz-empty">{t("quizEmpty")}</p>;
  }
  const labels = attemptLabels(scores.map((s) => s.finishedAt), timeZone);
  return (
    <figure className="space-y-2">
      <QuizTrendChart data={scores.map((s, i) => ({ label: labels[i] ?? "", score: s.score }))} />
      <figcaption className="text-sm text-slate-600 dark:text-slate-300" data-testid="quiz-summary">
        {t("quizSummary", {
          count: scores.length,
          direction: trend.direction,
          slope: `${trend.slope >= 0 ? "+" : ""}${(trend.slope * 100).toFixed(1)}`,
        })}
      </figcaption>
      <div className="sr-only">
        <table data-testid="quiz-table">
          <caption>{t("quizCaption")}</caption>
          <thead><tr><th scope="col">{t("finished")}</th><th scope="col">{t("quiz")}</th><th scope="col">{t("score")}</th></tr></thead>
          <tbody>
            {scores.map((s, i) => (
              <tr key={s.id}><th scope="row">{labels[i]}</th><td>{s.title}</td><td>{pct(s.score)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
