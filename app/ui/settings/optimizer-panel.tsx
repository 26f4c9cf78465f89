"use client";
import { optimizerStatusSchema } from "@/app/lib/schemas/api-responses";
import { readJson } from "@/app/ui/read-json";
import { useTranslations } from "next-intl";
import { useServerError } from "@/app/ui/i18n/use-server-error";
import { useCallback, useEffect, useState } from "react";
import type { OptimizerStatus } from "@/app/lib/server/optimizer";
import { OptimizerEvaluation } from "./optimizer-evaluation";

/** The optimizer's own failure (app/lib/server/optimizer.ts), shown in the reader's language. */
const STOPPED = "The optimizer stopped before finishing. Start it again.";

function fmt(n: number) {
  return n.toFixed(4);
}

/** "Optimize my parameters": starts a fit, shows its progress, then the before/after figures. */
export function OptimizerPanel({ initial }: { initial: OptimizerStatus }) {
  const t = useTranslations("optimizer");
  const serverError = useServerError();
  const [status, setStatus] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const running = status.job?.state === "running";

  const poll = useCallback(async () => {
    const response = await fetch("/api/review/optimizer", { cache: "no-store" }).catch(() => null);
    const next = response?.ok ? await readJson(response, optimizerStatusSchema) : null;
    if (next) setStatus(next);
  }, []);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), 400);
    return () => clearInterval(timer);
  }, [running, poll]);

  async function start() {
    setError(null);
    const response = await fetch("/api/review/optimizer", { method: "POST" }).catch(() => null);
    const next = response?.ok ? await readJson(response, optimizerStatusSchema) : null;
    if (!next) return setError(t("startFailed"));
    setStatus(next);
  }

  const missing = Math.max(0, status.minimumReviews - status.reviewCount);
  const job = status.job;
  const percent = job?.state === "running" && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <section aria-labelledby="optimizer-title" className="space-y-3" data-testid="optimizer">
      <h2 id="optimizer-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t("intro")}{" "}
        {status.parametersFitAt
          ? t("fittedOn", { date: new Date(status.parametersFitAt) })
          : status.enteredParameters
            ? t("entered")
            : t("defaults")}
      </p>
      {missing > 0 ? (
        <p className="text-sm" data-testid="optimizer-missing">
          {t("missing", { reviews: status.reviewCount, missing })}
        </p>
      ) : (
        <button
          type="button"
          onClick={() => void start()}
          disabled={running}
          data-testid="optimize"
          className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {running ? t("optimizing") : t("optimize")}
        </button>
      )}
      {running && (
        <div role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 rounded bg-slate-200 dark:bg-slate-800">
          <div className="h-2 rounded bg-accent-600" style={{ width: `${percent}%` }} />
        </div>
      )}
      {job?.state === "done" && (
        <div data-testid="optimizer-result" className="text-sm">
          <table className="mt-2 text-left">
            <thead>
              <tr><th className="pr-6"></th><th className="pr-6">{t("logLoss")}</th><th>RMSE</th></tr>
            </thead>
            <tbody>
              <tr><td className="pr-6">{t("current")}</td><td className="pr-6 font-mono">{fmt(job.current.logLoss)}</td><td className="font-mono">{fmt(job.current.rmse)}</td></tr>
              <tr><td className="pr-6">{t("fitted")}</td><td className="pr-6 font-mono">{fmt(job.fitted.logLoss)}</td><td className="font-mono">{fmt(job.fitted.rmse)}</td></tr>
            </tbody>
          </table>
          <p className="mt-2">
            {job.applied ? t("applied", { reviews: job.reviews, rescheduled: job.rescheduled }) : t("kept")} {t("lowerBetter")}
          </p>
          <OptimizerEvaluation evaluation={job.evaluation} calibration={job.calibration} />
        </div>
      )}
      {job?.state === "failed" && <p className="text-sm text-red-600 dark:text-red-400" data-testid="optimizer-error">{serverError({ error: job.error, code: job.error === STOPPED ? "optimizerStopped" : undefined })}</p>}
      {error && <p className="text-sm text-red-600 dark:text-red-400" data-testid="optimizer-error">{error}</p>}
    </section>
  );
}
