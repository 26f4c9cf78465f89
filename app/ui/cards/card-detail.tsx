import Link from "next/link";
import { htmlLang, notePath } from "@/app/lib/domain/i18n/locales";
import { useLocale, useTranslations } from "next-intl";
import type { CardDetail } from "@/app/lib/server/data/card-browser";
import { LazyCurveChart } from "./lazy-curve-chart";


/** Dates shown in the user's zone (the server renders this panel). */
function formatter(locale: string, timeZone: string) {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone, dateStyle: "medium", timeStyle: "short" });
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
  const t = useTranslations("cards.detail");
  const states = useTranslations("cards.filters.states");
  const stateName = (state: string) => (states.has(state as "new") ? states(state as "new") : state);
  const ratingName = (rating: number) => (["again", "hard", "good", "easy"] as const)[rating - 1];
  const locale = useLocale();
  const format = formatter(locale, timeZone);
  return (
    <aside aria-labelledby="card-detail-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="card-detail">
      <div className="flex items-start justify-between gap-2">
        <h2 id="card-detail-title" className="text-base font-semibold">
          {t("cardIn")}{" "}
          <Link href={`${notePath(locale, detail.noteSlug)}${detail.anchor ? `#${detail.anchor}` : ""}`} className="text-accent-600 underline dark:text-accent-100" lang={htmlLang(detail.noteTitleIn)}>
            {detail.noteTitle}
          </Link>
        </h2>
        <Link href={closeHref} scroll={false} className="text-sm text-slate-500 underline" aria-label={t("closeLabel")}>
          {t("close")}
        </Link>
      </div>
      <p className="mt-2 text-sm whitespace-pre-wrap" lang={htmlLang(detail.shownIn)}>{detail.front}</p>
      <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600 dark:text-slate-300" lang={htmlLang(detail.shownIn)}>{detail.back}</p>
      <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">{t("state")}</dt>
        <dd data-testid="detail-state">{stateName(detail.state)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("due")}</dt>
        <dd>{detail.due ? format.format(detail.due) : "—"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("stability")}</dt>
        <dd>{detail.stability === null ? "—" : t("days", { days: detail.stability.toFixed(1) })}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("difficulty")}</dt>
        <dd>{detail.difficulty === null ? "—" : detail.difficulty.toFixed(1)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("recallNow")}</dt>
        <dd data-testid="detail-retrievability">{detail.retrievability === null ? "—" : `${Math.round(detail.retrievability * 100)}%`}</dd>
      </dl>
      <h3 className="mt-4 text-sm font-semibold">{t("curve")}</h3>
      {detail.curve.length > 0 ? (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {t("curveHelp")}
          </p>
          <LazyCurveChart curve={detail.curve} today={detail.daysSinceReview} desired={desiredRetention} />
        </>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("noCurve")}</p>
      )}
      <h3 className="mt-4 text-sm font-semibold">{t("reviews", { count: detail.history.length })}</h3>
      {detail.history.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("notReviewed")}</p>
      ) : (
        <div className="max-h-64 overflow-y-auto">
          <table className="w-full text-left text-xs" data-testid="card-history">
            <caption className="sr-only">{t("historyCaption")}</caption>
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2">{t("when")}</th>
                <th scope="col" className="py-1 pr-2">{t("answer")}</th>
                <th scope="col" className="py-1 pr-2">{t("stateBefore")}</th>
                <th scope="col" className="py-1 pr-2">{t("daysSince")}</th>
                <th scope="col" className="py-1">{t("time")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((entry, i) => (
                <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-2 whitespace-nowrap">{format.format(entry.reviewedAt)}</td>
                  <td className="py-1 pr-2">{ratingName(entry.rating) ? t(`ratings.${ratingName(entry.rating)!}`) : entry.rating}</td>
                  <td className="py-1 pr-2">{stateName(entry.state)}</td>
                  <td className="py-1 pr-2 tabular-nums">{entry.elapsedDays}</td>
                  <td className="py-1 tabular-nums">{entry.durationMs > 0 ? t("seconds", { seconds: (entry.durationMs / 1000).toFixed(1) }) : "—"}{entry.source === "import" ? t("imported") : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
