"use client";
import { optimizerStatusSchema } from "@/app/lib/schemas/api-responses";
import { readJson } from "@/app/ui/read-json";
import { useCallback, useEffect, useState } from "react";
import type { OptimizerStatus } from "@/app/lib/server/optimizer";
import { OptimizerEvaluation } from "./optimizer-evaluation";

function fmt(n: number) {
  return n.toFixed(4);
}

/** "Optimize my parameters": starts a fit, shows its progress, then the before/after figures. */
export function OptimizerPanel({ initial }: { initial: OptimizerStatus }) {
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
    if (!next) return setError("Could not start the optimizer. Try again.");
    setStatus(next);
  }

  const missing = Math.max(0, status.minimumReviews - status.reviewCount);
  const job = status.job;
  const percent = job?.state === "running" && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <section aria-labelledby="optimizer-title" className="space-y-3" data-testid="optimizer">
      <h2 id="optimizer-title" className="text-lg font-semibold">Personal parameters</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        FSRS predicts when you will forget with 21 parameters. Fitting them to your own answers makes the intervals yours.{" "}
        {status.parametersFitAt
          ? `Yours were fitted on ${new Date(status.parametersFitAt).toLocaleDateString()}.`
          : status.enteredParameters
            ? "You are using the weights entered above."
            : "You are using the default parameters."}
      </p>
      {missing > 0 ? (
        <p className="text-sm" data-testid="optimizer-missing">
          You have {status.reviewCount} reviews; {missing} more are needed before your parameters can be fitted.
        </p>
      ) : (
        <button
          type="button"
          onClick={() => void start()}
          disabled={running}
          data-testid="optimize"
          className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {running ? "Optimizing…" : "Optimize my parameters"}
        </button>
      )}
      {running && (
        <div role="progressbar" aria-label="Optimizer progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 rounded bg-slate-200 dark:bg-slate-800">
          <div className="h-2 rounded bg-accent-600" style={{ width: `${percent}%` }} />
        </div>
      )}
      {job?.state === "done" && (
        <div data-testid="optimizer-result" className="text-sm">
          <table className="mt-2 text-left">
            <thead>
              <tr><th className="pr-6"></th><th className="pr-6">Log loss</th><th>RMSE</th></tr>
            </thead>
            <tbody>
              <tr><td className="pr-6">Current</td><td className="pr-6 font-mono">{fmt(job.current.logLoss)}</td><td className="font-mono">{fmt(job.current.rmse)}</td></tr>
              <tr><td className="pr-6">Fitted</td><td className="pr-6 font-mono">{fmt(job.fitted.logLoss)}</td><td className="font-mono">{fmt(job.fitted.rmse)}</td></tr>
            </tbody>
          </table>
          <p className="mt-2">
            {job.applied
              ? `The fitted parameters predict your ${job.reviews} reviews better and are now in use; ${job.rescheduled} cards were rescheduled.`
              : "The fitted parameters are not better on your reviews, so your current ones were kept."}{" "}
            Lower is better for both figures.
          </p>
          <OptimizerEvaluation evaluation={job.evaluation} calibration={job.calibration} />
        </div>
      )}
      {job?.state === "failed" && <p className="text-sm text-red-600 dark:text-red-400" data-testid="optimizer-error">{job.error}</p>}
      {error && <p className="text-sm text-red-600 dark:text-red-400" data-testid="optimizer-error">{error}</p>}
    </section>
  );
}
