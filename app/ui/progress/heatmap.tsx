import type { HeatmapCell, StreakResult } from "@/app/lib/domain/stats";

const LEVEL_CLASS = [
  "bg-slate-100 dark:bg-slate-800",
  "bg-emerald-200 dark:bg-emerald-900",
  "bg-emerald-400 dark:bg-emerald-700",
  "bg-emerald-600 dark:bg-emerald-500",
  "bg-emerald-800 dark:bg-emerald-300",
] as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Reviews per month, for the table that stands in for the grid. */
function monthlyTotals(cells: readonly HeatmapCell[]) {
  const totals = new Map<string, { reviews: number; days: number }>();
  for (const cell of cells) {
    const key = cell.day.slice(0, 7);
    const entry = totals.get(key) ?? { reviews: 0, days: 0 };
    entry.reviews += cell.count;
    if (cell.count > 0) entry.days += 1;
    totals.set(key, entry);
  }
  return [...totals].map(([month, t]) => ({
    month: `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`,
    ...t,
  }));
}

/** A year of reviews, one square a study day, weeks as columns (Monday on top). */
export function ReviewHeatmap({ cells, streak }: { cells: HeatmapCell[]; streak: StreakResult }) {
  const total = cells.reduce((s, c) => s + c.count, 0);
  const active = cells.filter((c) => c.count > 0).length;
  return (
    <figure className="space-y-3">
      {/* Right to left scrolling starts at the end: on a narrow screen the latest weeks show first. */}
      <div className="overflow-x-auto pb-1 [direction:rtl]" data-testid="heatmap-scroller">
        <div
          aria-hidden="true"
          data-testid="heatmap"
          className="mr-auto grid w-max grid-flow-col grid-rows-7 gap-[3px] [direction:ltr]"
        >
          {cells.map((cell) => (
            <span
              key={cell.day}
              title={`${cell.day}: ${cell.count} review${cell.count === 1 ? "" : "s"}`}
              data-level={cell.level}
              className={`block h-3 w-3 rounded-[2px] ${LEVEL_CLASS[cell.level]}`}
            />
          ))}
        </div>
      </div>
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span data-testid="heatmap-summary">
          {total.toLocaleString("en")} reviews on {active} of the last {cells.length} days.
        </span>
        <span className="flex items-center gap-1" aria-hidden="true">
          Less
          {LEVEL_CLASS.map((cls, i) => (
            <span key={i} className={`inline-block h-3 w-3 rounded-[2px] ${cls}`} />
          ))}
          More
        </span>
      </figcaption>
      <p className="text-sm" data-testid="streak">
        Streak: <strong data-testid="streak-current">{streak.current}</strong> day{streak.current === 1 ? "" : "s"}
        {" "}· longest <strong data-testid="streak-longest">{streak.longest}</strong>
      </p>
      <div className="sr-only">
        <table data-testid="heatmap-table">
          <caption>Reviews per month over the last year</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Reviews</th>
              <th scope="col">Days with reviews</th>
            </tr>
          </thead>
          <tbody>
            {monthlyTotals(cells).map((m) => (
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
