"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { CalibrationBin } from "@/app/lib/domain/scheduling";
import type { OptimizerCalibration, OptimizerEvaluation as Evaluation } from "@/app/lib/server/optimizer";

/** recharts loads after the panel: the figures are in the table. */
const CalibrationChart = dynamic(() => import("./calibration-chart").then((m) => m.CalibrationChart), {
  ssr: false,
  loading: () => <div className="h-64 w-full max-w-md animate-pulse rounded-md bg-slate-100 dark:bg-slate-900" aria-hidden="true" />,
});

/** The bins either parameter set has reviews in, in order. */
const binStarts = (c: OptimizerCalibration) => [...new Set([...c.current, ...c.fitted].map((b) => b.from))].sort((a, b) => a - b);

const fmt = (n: number) => n.toFixed(4);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/**
 * The optimizer's report beyond the in-sample comparison: the time-series-split evaluation
 * against the default parameters, and the calibration chart (with its figures as a table).
 */
export function OptimizerEvaluation({ evaluation, calibration }: { evaluation?: Evaluation; calibration?: OptimizerCalibration }) {
  const t = useTranslations("optimizerEvaluation");
  if (!evaluation && !calibration) return null;
  return (
    <div className="mt-4 space-y-3" data-testid="optimizer-evaluation">
      {evaluation && (
        <>
          <h3 className="font-medium">{t("splitTitle")}</h3>
          <p className="text-slate-600 dark:text-slate-300">{t("splitHelp")}</p>
          <table className="text-left" data-testid="optimizer-split">
            <thead>
              <tr>
                <th className="pr-6"><span className="sr-only">{t("parameters")}</span></th>
                <th className="pr-6">{t("logLoss")}</th>
                <th>{t("rmseBins")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="pr-6 font-normal">{t("defaults")}</th>
                <td className="pr-6 font-mono">{fmt(evaluation.defaults.logLoss)}</td>
                <td className="font-mono">{fmt(evaluation.defaults.rmse)}</td>
              </tr>
              <tr>
                <th scope="row" className="pr-6 font-normal">{t("fittedSplit")}</th>
                <td className="pr-6 font-mono">{fmt(evaluation.timeSeriesSplit.logLoss)}</td>
                <td className="font-mono">{fmt(evaluation.timeSeriesSplit.rmse)}</td>
              </tr>
            </tbody>
          </table>
          <p>{evaluation.timeSeriesSplit.logLoss < evaluation.defaults.logLoss ? t("splitBetter") : t("splitNotBetter")}</p>
        </>
      )}
      {calibration && calibration.reviews > 0 && (
        <>
          <h3 className="font-medium">{t("calibrationTitle")}</h3>
          <p className="text-slate-600 dark:text-slate-300">{t("calibrationHelp", { reviews: calibration.reviews })}</p>
          <CalibrationChart
            current={calibration.current}
            fitted={calibration.fitted}
            labels={{ current: t("before"), fitted: t("after"), predicted: t("predicted"), observed: t("observed") }}
          />
          <details>
            <summary className="cursor-pointer">{t("calibrationTable")}</summary>
            <table className="mt-2 text-left" data-testid="calibration-table">
              <thead>
                <tr>
                  <th className="pr-4">{t("bin")}</th>
                  <th className="pr-4">{t("before")}</th>
                  <th>{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {binStarts(calibration).map((from) => {
                  const cell = (bins: CalibrationBin[]) => {
                    const bin = bins.find((b) => b.from === from);
                    return bin ? t("binFigures", { count: bin.count, predicted: pct(bin.predicted), observed: pct(bin.observed) }) : "–";
                  };
                  const to = [...calibration.current, ...calibration.fitted].find((b) => b.from === from)?.to ?? from;
                  return (
                    <tr key={from}>
                      <td className="pr-4 font-mono">{`${pct(from)}–${pct(to)}`}</td>
                      <td className="pr-4 font-mono">{cell(calibration.current)}</td>
                      <td className="font-mono">{cell(calibration.fitted)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
