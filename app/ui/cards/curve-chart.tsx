"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** A card's forgetting curve since its last review, with today marked. */
export function CurveChart({ curve, today, desired }: { curve: { day: number; r: number }[]; today: number | null; desired: number }) {
  const t = useTranslations("curveChart");
  return (
    <div className="h-48 w-full text-slate-500 dark:text-slate-400" data-testid="card-curve-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={curve} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeOpacity={0.2} stroke="currentColor" />
          <XAxis dataKey="day" type="number" domain={[0, "dataMax"]} tickFormatter={(d: number) => `${Math.round(d)}d`} stroke="currentColor" fontSize={11} />
          <YAxis domain={[0, 1]} tickFormatter={percent} stroke="currentColor" fontSize={11} />
          <Tooltip
            formatter={(value) => percent(Number(value))}
            labelFormatter={(day) => t("daysAfter", { days: Number(day).toFixed(1) })}
            contentStyle={{ background: "var(--color-slate-900, #0f172a)", color: "#f8fafc", border: "none", fontSize: 12 }}
          />
          <ReferenceLine y={desired} stroke="currentColor" strokeDasharray="4 3" />
          {today !== null && <ReferenceLine x={today} stroke="#f59e0b" label={{ value: "now", position: "top", fontSize: 11, fill: "#f59e0b" }} />}
          <Line dataKey="r" name={t("recall")} stroke="#6366f1" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
