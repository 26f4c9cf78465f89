import { useLocale, useTranslations } from "next-intl";
import { heatmapMonthLabels, type HeatmapCell, type StreakResult } from "@/app/lib/domain/stats";
import type { DailyGoal } from "@/app/lib/domain/stats/daily-goal";

const LEVEL_CLASS = [
  "bg-slate-100 dark:bg-slate-800",
  "bg-emerald-200 dark:bg-emerald-900",
  "bg-emerald-400 dark:bg-emerald-700",
  "bg-emerald-600 dark:bg-emerald-500",
  "bg-emerald-800 dark:bg-emerald-300",
] as const;

/** The mark of a day that met the daily goal: a ring that reads on every shade and in the dark. */
const GOAL_RING = "ring-2 ring-inset ring-amber-500 dark:ring-amber-400";

/** Month and weekday names in the reader's language (Intl: "Jan", "1月"; "Mon", "周一"). */
function calendarNames(locale: string) {
  const month = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  return {
    months: Array.from({ length: 12 }, (_, m) => month.format(Date.UTC(2001, m, 1))),
    monthYear: (year: number, m: number) => monthYear.format(Date.UTC(year, m, 1)),
    // 2001-01-01 was a Monday.
    weekdays: Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2001, 0, 1 + d))),
  };
}

/** Reviews per month, for the table that stands in for the grid. */
function monthlyTotals(cells: readonly HeatmapCell[], monthYear: (year: number, month: number) => string) {
  const totals = new Map<string, { reviews: number; days: number }>();
  for (const cell of cells) {
    const key = cell.day.slice(0, 7);
    const entry = totals.get(key) ?? { reviews: 0, days: 0 };
    entry.reviews += cell.count;
    if (cell.count > 0) entry.days += 1;
    totals.set(key, entry);
  }
  return [...totals].map(([month, t]) => ({
    month: monthYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1),
    ...t,
  }));
}

/** A cell (12 px) and its gap (3 px): the step of the grid's columns and rows. */
const STEP_PX = 15;
/** Rows labelled at the left, as calendars do (alternate days, so the labels fit a 12 px row). */
const LABELLED_WEEKDAYS = [true, false, true, false, true, false, false];

/** A year of reviews, one square a study day, weeks as columns (Monday on top). */
export function ReviewHeatmap({
  cells,
  streak,
  goal = null,
}: {
  cells: HeatmapCell[];
  streak: StreakResult;
  /** The daily goal and the days that met it: those cells get a ring. */
  goal?: { goal: DailyGoal; days: readonly string[] } | null;
}) {
  const t = useTranslations("heatmap");
  const names = calendarNames(useLocale());
  const total = cells.reduce((s, c) => s + c.count, 0);
  const metDays = new Set(goal?.days ?? []);
  const metInYear = cells.filter((c) => metDays.has(c.day)).length;
  const active = cells.filter((c) => c.count > 0).length;
  return (
    <figure className="space-y-3">
      {/* Right to left scrolling starts at the end: on a narrow screen the latest weeks show first. */}
      <div className="overflow-x-auto pb-1 [direction:rtl]" data-testid="heatmap-scroller">
        <div aria-hidden="true" className="mr-auto flex w-max gap-1 text-[10px] leading-3 text-slate-500 [direction:ltr] dark:text-slate-400">
          <div className="mt-4 grid grid-rows-7 gap-[3px] pr-1" data-testid="heatmap-weekdays">
            {LABELLED_WEEKDAYS.map((labelled, i) => (
              <span key={i} className="h-3">
                {labelled ? names.weekdays[i] : ""}
              </span>
            ))}
          </div>
          <div>
            <div className="relative h-4" data-testid="heatmap-months" style={{ width: Math.ceil(cells.length / 7) * STEP_PX }}>
              {heatmapMonthLabels(cells).map(({ column, month }) => (
                <span key={column} className="absolute top-0" style={{ left: column * STEP_PX }}>
                  {names.months[month]}
                </span>
              ))}
            </div>
            <div aria-hidden="true" data-testid="heatmap" className="grid grid-flow-col grid-rows-7 gap-[3px]">
              {cells.map((cell) => (
                <span
                  key={cell.day}
                  title={t("cell", { day: cell.day, count: cell.count, met: metDays.has(cell.day) ? "yes" : "no" })}
                  data-level={cell.level}
                  data-goal-met={metDays.has(cell.day) ? "true" : undefined}
                  className={`block h-3 w-3 rounded-[2px] ${LEVEL_CLASS[cell.level]} ${metDays.has(cell.day) ? GOAL_RING : ""}`}
                />
              ))}
            </div>
          </div>
        </div>
      </div>
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span data-testid="heatmap-summary">
          {t("summary", { total, active, days: cells.length })}
        </span>
        <span className="flex items-center gap-1" aria-hidden="true">
          {t("less")}
          {LEVEL_CLASS.map((cls, i) => (
            <span key={i} className={`inline-block h-3 w-3 rounded-[2px] ${cls}`} />
          ))}
          {t("more")}
        </span>
      </figcaption>
      {goal && (
        <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300" data-testid="heatmap-goal">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-[2px] bg-emerald-400 dark:bg-emerald-700 ${GOAL_RING}`} />
          {t("goal", { target: goal.goal.target, kind: goal.goal.kind, met: metInYear })}
        </p>
      )}
      <p className="text-sm" data-testid="streak">
        {t.rich("streak", {
          current: streak.current,
          longest: streak.longest,
          now: (chunks) => <strong data-testid="streak-current">{chunks}</strong>,
          best: (chunks) => <strong data-testid="streak-longest">{chunks}</strong>,
        })}
      </p>
      <div className="sr-only">
        <table data-testid="heatmap-table">
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("month")}</th>
              <th scope="col">{t("reviews")}</th>
              <th scope="col">{t("daysWithReviews")}</th>
            </tr>
          </thead>
          <tbody>
            {monthlyTotals(cells, names.monthYear).map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.reviews}</td>
                <td>{m.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
