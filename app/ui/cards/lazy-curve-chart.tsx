"use client";
import dynamic from "next/dynamic";

/** recharts comes after the page: the history table and the numbers are in the HTML. */
export const LazyCurveChart = dynamic(() => import("./curve-chart").then((m) => m.CurveChart), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-900" aria-hidden="true" />,
});
