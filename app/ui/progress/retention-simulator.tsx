"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { RetentionPoint, RetentionSimulationInput } from "@/app/lib/domain/scheduling";
import type { SimulationMessage } from "./retention-simulation.worker";

/** The retentions simulated (the domain's SIMULATED_RETENTIONS, which the worker runs): the progress bar's length. */
const RETENTIONS = [0.7, 0.73, 0.76, 0.79, 0.82, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.97];

const W = 320;
const H = 180;
const PAD = 32;

/**
 * Optimal retention for the user's own collection: a year simulated in this browser (not on the
 * server), in a Web Worker, for each desired retention 0.70–0.97, the progress bar moving with
 * each one; then workload (minutes a day) against knowledge kept,
 * the least minutes per knowledge (CMRR) marked.
 */
export function RetentionSimulator({ input, desiredRetention }: { input: RetentionSimulationInput; desiredRetention: number }) {
  const t = useTranslations("simulator");
  const [points, setPoints] = useState<RetentionPoint[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);

  const [best, setBest] = useState<RetentionPoint | null>(null);

  const run = () => {
    worker.current?.terminate();
    setPoints([]);
    setBest(null);
    setError(null);
    setRunning(true);
    // A Web Worker: the year is simulated off the page's thread, which stays free for clicks
    // and the progress bar; Stop terminates it at once, even mid-retention.
    const simulation = new Worker(new URL("./retention-simulation.worker.ts", import.meta.url), { type: "module" });
    worker.current = simulation;
    const done: RetentionPoint[] = [];
    simulation.onmessage = (event: MessageEvent<SimulationMessage>) => {
      const message = event.data;
      if (message.type === "point") {
        done.push(message.point);
        return setPoints([...done]);
      }
      simulation.terminate();
      worker.current = null;
      setRunning(false);
      if (message.type === "done") setBest(message.best);
      else setError(t("failed"));
    };
    simulation.onerror = () => {
      simulation.terminate();
      worker.current = null;
      setRunning(false);
      setError(t("failed"));
    };
    // A drawing function (tests only) cannot cross to the worker; the seed decides there.
    simulation.postMessage({ ...input, random: undefined });
  };

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    setRunning(false);
  };

  // Leaving the page ends a simulation still running.
  useEffect(() => () => worker.current?.terminate(), []);

  // The worker's best point is a copy of one of `points` (messages are cloned): matched by retention.
  const isBest = (p: RetentionPoint) => best !== null && p.desiredRetention === best.desiredRetention;
  const maxMinutes = Math.max(1e-9, ...points.map((p) => p.minutesPerDay));
  const maxKnowledge = Math.max(1e-9, ...points.map((p) => p.knowledge));
  const x = (p: RetentionPoint) => PAD + (p.knowledge / maxKnowledge) * (W - 2 * PAD);
  const y = (p: RetentionPoint) => H - PAD - (p.minutesPerDay / maxMinutes) * (H - 2 * PAD);

  return (
    <div className="space-y-3" data-testid="retention-simulator">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t("intro", {
          cards: input.cards.length,
          newCards: input.newCards,
          perDay: input.newPerDay,
          recall: input.costs.recallSeconds.toFixed(0),
          forget: input.costs.forgetSeconds.toFixed(0),
          fresh: input.costs.newSeconds.toFixed(0),
        })}
      </p>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={running ? stop : run}
          className="rounded border border-accent-600 px-3 py-1.5 text-sm text-accent-700 hover:bg-accent-50 dark:text-accent-500 dark:hover:bg-slate-800"
          data-testid="simulate-run"
        >
          {running ? t("stop") : points.length > 0 ? t("again") : t("run")}
        </button>
        {(running || points.length > 0) && (
          <progress
            max={RETENTIONS.length}
            value={points.length}
            aria-label={t("progress")}
            className="h-2 w-48 accent-accent-600"
            data-testid="simulate-progress"
          />
        )}
      </div>
      {error && (
        <p className="text-sm text-red-700 dark:text-red-400" data-testid="simulate-error">
          {error}
        </p>
      )}
      {best && (
        <p className="text-sm" data-testid="simulate-best">
          {t("best", { best: best.desiredRetention.toFixed(2), minutes: best.minutesPerDay.toFixed(1), yours: desiredRetention.toFixed(2) })}
        </p>
      )}
      {points.length > 0 && (
        <figure className="space-y-2">
          <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-md text-slate-500 dark:text-slate-400" role="img" aria-label={t("chartLabel")}>
            <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" />
            <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="currentColor" />
            <text x={W / 2} y={H - 6} textAnchor="middle" fontSize="10" fill="currentColor">{t("xAxis")}</text>
            <text x={10} y={H / 2} textAnchor="middle" fontSize="10" fill="currentColor" transform={`rotate(-90 10 ${H / 2})`}>{t("yAxis")}</text>
            <polyline points={points.map((p) => `${x(p)},${y(p)}`).join(" ")} fill="none" stroke="currentColor" className="text-accent-600" />
            {points.map((p) => (
              <circle key={p.desiredRetention} cx={x(p)} cy={y(p)} r={isBest(p) ? 5 : 2.5} className={isBest(p) ? "fill-accent-600" : "fill-current"} />
            ))}
          </svg>
          <table className="text-left text-sm" data-testid="simulate-table">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 font-medium">{t("retention")}</th>
                <th scope="col" className="pr-4 font-medium">{t("minutes")}</th>
                <th scope="col" className="pr-4 font-medium">{t("knowledge")}</th>
                <th scope="col" className="font-medium">{t("perCard")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.desiredRetention} className={isBest(p) ? "font-semibold" : ""} data-best={isBest(p) ? "true" : undefined}>
                  <th scope="row" className="pr-4 font-normal">{p.desiredRetention.toFixed(2)}{isBest(p) ? t("leastWork") : ""}</th>
                  <td className="pr-4">{p.minutesPerDay.toFixed(1)}</td>
                  <td className="pr-4">{p.knowledge.toFixed(0)}</td>
                  <td>{(p.minutesPerKnowledge * 365).toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </div>
  );
}
