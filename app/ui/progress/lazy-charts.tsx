"use client";
import dynamic from "next/dynamic";

/** recharts is loaded after the page (the tables and numbers come with the HTML). */
function Placeholder() {
  return <div className="h-64 w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-900" aria-hidden="true" />;
}

export const ForecastChart = dynamic(() => import("./charts").then((m) => m.ForecastChart), { ssr: false, loading: Placeholder });
export const CalibrationChart = dynamic(() => import("./charts").then((m) => m.CalibrationChart), { ssr: false, loading: Placeholder });
export const QuizTrendChart = dynamic(() => import("./charts").then((m) => m.QuizTrendChart), { ssr: false, loading: Placeholder });
export const RetentionChart = dynamic(() => import("./charts").then((m) => m.RetentionChart), { ssr: false, loading: Placeholder });
