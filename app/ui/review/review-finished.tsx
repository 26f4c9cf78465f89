"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The end of a review session: how many were answered today, when the next card is due, leeches
 * found, new cards held back by today's limit (and the button that adds them), custom study.
 */
export function ReviewFinished({
  done,
  doneToday,
  nextDue,
  leeches,
  newWaiting,
  scopeName,
  extraCount,
  raising,
  onStudyMore,
  custom,
}: {
  /** Cards answered in this session. */
  done: number;
  /** Cards answered today before the page loaded. */
  doneToday: number;
  /** "The next card is due in …", or null while new cards wait (the box below says so). */
  nextDue: string | null;
  leeches: number;
  newWaiting: number;
  scopeName: string | null;
  /** How many new cards "study more" adds. */
  extraCount: number;
  raising: boolean;
  onStudyMore: () => void;
  custom: "ahead" | "forgotten" | null;
}) {
  const t = useTranslations("review");
  const rc = useTranslations("reviewControls");
  return (
    <div className="mt-10 text-center" data-testid="review-finished">
      <h2 className="text-xl font-semibold">{t("allDone")}</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        {t.rich("answered", {
          count: done,
          total: doneToday + done,
          today: (chunks) => <span data-testid="done-today">{chunks}</span>,
        })}{" "}
        {nextDue !== null && <span data-testid="next-due">{nextDue}</span>}
      </p>
      {leeches > 0 && (
        <p data-testid="leeches-found" className="mx-auto mt-3 max-w-md rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {rc.rich("leeches", {
            count: leeches,
            link: (chunks) => (
              <Link href="/cards?leech=yes" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      {newWaiting > 0 && (
        <div data-testid="new-limit-reached" className="mx-auto mt-4 max-w-md rounded-md bg-accent-50 px-4 py-3 text-sm dark:bg-slate-800">
          <p>
            {/* Anki's custom study: a session of one note or area offers all of its new cards. */}
            {scopeName ? t("newWaitingScoped", { count: newWaiting, scope: scopeName }) : t("newWaiting", { count: newWaiting, scope: "none" })}
          </p>
          <button
            type="button"
            onClick={onStudyMore}
            disabled={raising}
            data-testid="study-more-new"
            className="mt-2 rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {raising
              ? t("adding")
              : scopeName
                ? extraCount === newWaiting
                  ? t("studyThem", { count: newWaiting })
                  : t("studyCount", { count: extraCount })
                : t("studyMore", { count: extraCount })}
          </button>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {t.rich("raiseHint", {
              link: (chunks) => (
                <Link href="/settings" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      )}
      {!custom && (
        <p className="mt-4 flex flex-wrap justify-center gap-4 text-sm" data-testid="custom-study">
          <span className="text-slate-500 dark:text-slate-400">{rc("custom")}</span>
          <Link href="/review?custom=ahead" className="text-accent-600 underline dark:text-accent-100" data-testid="study-ahead">
            {rc("ahead")}
          </Link>
          <Link href="/review?custom=forgotten" className="text-accent-600 underline dark:text-accent-100" data-testid="study-forgotten">
            {rc("forgotten")}
          </Link>
        </p>
      )}
      <p className="mt-4 text-sm">
        <Link href="/" className="text-accent-600 underline dark:text-accent-100">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
