import { useTranslations } from "next-intl";
import type { ScoreTrend } from "@/app/lib/domain/quiz";

/** Scores (0..1, oldest first) as a small line, with the trend in words for screen readers. */
export function ScoreSparkline({ scores, trend }: { scores: number[]; trend: ScoreTrend }) {
  const width = 120;
  const height = 32;
  const pad = 3;
  const x = (i: number) => (scores.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scores.length - 1));
  const y = (s: number) => height - pad - s * (height - 2 * pad);
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(" ");
  const t = useTranslations("quizResults");
  return (
    <span className="inline-flex items-center gap-2" data-testid="quiz-trend" data-direction={trend.direction}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" className="text-accent-500">
        <line x1={pad} x2={width - pad} y1={y(0.5)} y2={y(0.5)} className="stroke-slate-200 dark:stroke-slate-800" strokeDasharray="2 3" />
        {scores.length > 1 && <polyline points={points} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />}
        {scores.map((s, i) => (
          <circle key={i} cx={x(i)} cy={y(s)} r={2.5} fill="currentColor" />
        ))}
      </svg>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {scores.length < 2 ? t("oneAttempt") : t("trend", { direction: trend.direction, change: `${trend.change >= 0 ? "+" : ""}${Math.round(trend.change * 100)}` })}
      </span>
    </span>
  );
}
