"use client";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CalibrationBin } from "@/app/lib/domain/scheduling";

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Predicted against observed recall, one point per bin, for the parameters before and after the
 * fit, with the diagonal a perfectly calibrated model lies on. The same figures are in a table
 * beside it (`OptimizerEvaluation`) for screen readers.
 */
export function CalibrationChart({
  current,
  fitted,
  labels,
}: {
  current: CalibrationBin[];
  fitted: CalibrationBin[];
  labels: { current: string; fitted: string; predicted: string; observed: string };
}) {
  const points = (bins: CalibrationBin[]) => bins.map((b) => ({ predicted: b.predicted, observed: b.observed, count: b.count }));
  return (
    <div className="h-64 w-full max-w-md text-slate-500 dark:text-slate-400" aria-hidden="true" data-testid="calibration-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 8, right: 8, bottom: 16, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid strokeOpacity={0.2} stroke="currentColor" />
          <XAxis
            dataKey="predicted"
            type="number"
            domain={[0, 1]}
            tickFormatter={percent}
            stroke="currentColor"
            fontSize={11}
            label={{ value: labels.predicted, position: "insideBottom", offset: -8, fontSize: 11, fill: "currentColor" }}
          />
          <YAxis dataKey="observed" type="number" domain={[0, 1]} tickFormatter={percent} stroke="currentColor" fontSize={11} />
          <Tooltip
            formatter={(value) => percent(Number(value))}
            labelFormatter={(value) => `${labels.predicted}: ${percent(Number(value))}`}
            contentStyle={{ background: "var(--color-slate-900, #0f172a)", color: "#f8fafc", border: "none", fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="currentColor" strokeDasharray="4 3" ifOverflow="visible" />
          <Line data={points(current)} dataKey="observed" name={labels.current} stroke="#94a3b8" strokeWidth={2} isAnimationActive={false} />
          <Line data={points(fitted)} dataKey="observed" name={labels.fitted} stroke="#6366f1" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
