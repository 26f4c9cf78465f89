"use client";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/**
 * The recharts charts of /progress. Colours read on white and on slate-950: axis text and grid
 * take `currentColor` from the wrapper (slate-600 / slate-300), series use mid-tone hues.
 * The charts are hidden from screen readers; each has a table beside it (see the page).
 */

export const SERIES = { primary: "#6366f1", secondary: "#f59e0b", tertiary: "#10b981" } as const;

const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 12 } } as const;

function TooltipBox({ active, label, payload, format }: {
  active?: boolean;
  label?: string | number;
  payload?: readonly { name?: string | number; value?: unknown; color?: string }[];
  format: (value: number) => string;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-medium">{label}</p>
      {payload.map((entry) => (
        <p key={String(entry.name)} style={{ color: entry.color }}>
          {entry.name}: {typeof entry.value === "number" ? format(entry.value) : String(entry.value)}
        </p>
      ))}
    </div>
  );
}

const percent = (v: number) => `${Math.round(v * 100)}%`;
const plain = (v: number) => v.toLocaleString("en");

function Frame({ children, testId }: { children: React.ReactElement; testId: string }) {
  return (
    <div aria-hidden="true" data-testid={testId} className="h-64 w-full text-slate-600 dark:text-slate-300">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export function ForecastChart({ data }: { data: { label: string; count: number }[] }) {
  const t = useTranslations("progress");
  return (
    <Frame testId="forecast-chart">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeOpacity={0.2} stroke="currentColor" vertical={false} />
        <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={16} />
        <YAxis allowDecimals={false} {...axis} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<TooltipBox format={plain} />} />
        <Bar dataKey="count" name={t("cardsDue")} fill={SERIES.primary} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export function CalibrationChart({ data }: { data: { label: string; predicted: number; observed: number }[] }) {
  const t = useTranslations("progress");
  return (
    <Frame testId="curve-chart">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeOpacity={0.2} stroke="currentColor" />
        <XAxis dataKey="label" {...axis} />
        <YAxis domain={[0, 1]} tickFormatter={percent} {...axis} />
        <Tooltip content={<TooltipBox format={percent} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="predicted" name={t("predictedFsrs")} stroke={SERIES.primary} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        <Line dataKey="observed" name={t("observed")} stroke={SERIES.secondary} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

export function QuizTrendChart({ data }: { data: { label: string; score: number }[] }) {
  const t = useTranslations("progress");
  return (
    <Frame testId="quiz-chart">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeOpacity={0.2} stroke="currentColor" />
        <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={16} />
        <YAxis domain={[0, 1]} tickFormatter={percent} {...axis} />
        <Tooltip content={<TooltipBox format={percent} />} />
        <Line dataKey="score" name={t("score")} stroke={SERIES.tertiary} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

export function RetentionChart({ data }: { data: { label: string; young: number | null; mature: number | null }[] }) {
  const t = useTranslations("progress");
  return (
    <Frame testId="retention-chart">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeOpacity={0.2} stroke="currentColor" vertical={false} />
        <XAxis dataKey="label" {...axis} />
        <YAxis domain={[0, 1]} tickFormatter={percent} {...axis} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<TooltipBox format={percent} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="young" name={t("young")} fill={SERIES.primary} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="mature" name={t("mature")} fill={SERIES.secondary} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
