import Link from "next/link";
import type { CardDetail } from "@/app/lib/server/data/card-browser";
import { LazyCurveChart } from "./lazy-curve-chart";

const RATING_NAMES = ["", "Again", "Hard", "Good", "Easy"];

/** Dates shown in the user's zone (the server renders this panel). */
function formatter(timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
}

/** One card's numbers, full review history and forgetting curve, beside the table. */
export function CardDetailPanel({
  detail,
  timeZone,
  desiredRetention,
  closeHref,
}: {
  detail: CardDetail;
  timeZone: string;
  desiredRetention: number;
  closeHref: string;
}) {
  const format = formatter(timeZone);
  return (
    <aside aria-labelledby="card-detail-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="card-detail">
      <div className="flex items-start justify-between gap-2">
        <h2 id="card-detail-title" className="text-base font-semibold">
          Card in{" "}
          <Link href={`/papers/${detail.noteSlug}${detail.anchor ? `#${detail.anchor}` : ""}`} className="text-accent-600 underline dark:text-accent-100">
            {detail.noteTitle}
          </Link>
        </h2>
        <Link href={closeHref} scroll={false} className="text-sm text-slate-500 underline" aria-label="Close the card's history">
          Close
        </Link>
      </div>
      <p className="mt-2 text-sm whitespace-pre-wrap">{detail.front}</p>
      <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600 dark:text-slate-300">{detail.back}</p>
      <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">State</dt>
        <dd data-testid="detail-state">{detail.state}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Due</dt>
        <dd>{detail.due ? format.format(detail.due) : "—"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Stability</dt>
        <dd>{detail.stability === null ? "—" : `${detail.stability.toFixed(1)} days`}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Difficulty</dt>
        <dd>{detail.difficulty === null ? "—" : detail.difficulty.toFixed(1)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Recall now</dt>
        <dd data-testid="detail-retrievability">{detail.retrievability === null ? "—" : `${Math.round(detail.retrievability * 100)}%`}</dd>
      </dl>
      <h3 className="mt-4 text-sm font-semibold">Forgetting curve</h3>
      {detail.curve.length > 0 ? (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Predicted recall after the last review (FSRS, your weights, this card&apos;s stability); dashed: your desired retention.
          </p>
          <LazyCurveChart curve={detail.curve} today={detail.daysSinceReview} desired={desiredRetention} />
        </>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">A new card has no memory yet, so no curve.</p>
      )}
      <h3 className="mt-4 text-sm font-semibold">Reviews ({detail.history.length})</h3>
      {detail.history.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Not reviewed yet.</p>
      ) : (
        <div className="max-h-64 overflow-y-auto">
          <table className="w-full text-left text-xs" data-testid="card-history">
            <caption className="sr-only">Every review of this card, oldest first</caption>
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2">When</th>
                <th scope="col" className="py-1 pr-2">Answer</th>
                <th scope="col" className="py-1 pr-2">State before</th>
                <th scope="col" className="py-1 pr-2">Days since</th>
                <th scope="col" className="py-1">Time</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((entry, i) => (
                <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-2 whitespace-nowrap">{format.format(entry.reviewedAt)}</td>
                  <td className="py-1 pr-2">{RATING_NAMES[entry.rating] ?? entry.rating}</td>
                  <td className="py-1 pr-2">{entry.state}</td>
                  <td className="py-1 pr-2 tabular-nums">{entry.elapsedDays}</td>
                  <td className="py-1 tabular-nums">{entry.durationMs > 0 ? `${(entry.durationMs / 1000).toFixed(1)} s` : "—"}{entry.source === "import" ? " (imported)" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
