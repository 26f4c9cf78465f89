"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { gaussianMatrix } from "../prng";
import {
  Controls,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  Slider,
  WidgetFrame,
  useFmt,
} from "../ui";
import { halfLife, momentumFromNines, momentumTrajectories, timeConstant } from "./core";

const NAME = "momentum-encoder";
const id = (part: string) => `widget-${NAME}-${part}`;
/** The slider's stops, as numbers of nines: m = 0, 0.9, 0.99, 0.999, 0.9999. */
const SLIDER_NINES = 4;
const MOMENTA = Array.from({ length: SLIDER_NINES + 1 }, (_, nines) => momentumFromNines(nines));
/** MoCo's default m = 0.999. */
const DEFAULT_NINES = 3;
const COLORS = [
  "stroke-rose-500",
  "stroke-sky-500",
  "stroke-violet-500",
  "stroke-amber-500",
  "stroke-emerald-500",
] as const;
type Scenario = "jump" | "drift" | "noisy";
const SCENARIOS: readonly Scenario[] = ["jump", "drift", "noisy"];

/** θ_q after each step, for the chosen story. */
function queryWeights(scenario: Scenario, steps: number, seed: number): number[] {
  if (scenario === "jump") return new Array<number>(steps).fill(1);
  if (scenario === "drift") return Array.from({ length: steps }, (_, i) => (i + 1) / steps);
  const [noise = []] = gaussianMatrix(seed, 1, steps);
  let q = 0;
  return noise.map((z) => (q += 0.05 * z));
}

export default function MomentumEncoderView() {
  const t = useTranslations("widgets.momentum-encoder");
  const fmt = useFmt();
  const [nines, setNines] = useState(DEFAULT_NINES);
  const [steps, setSteps] = useState(300);
  const [scenario, setScenario] = useState<Scenario>("jump");
  const [seed, setSeed] = useState(1);

  const m = MOMENTA[nines] ?? momentumFromNines(DEFAULT_NINES);
  const query = useMemo(() => queryWeights(scenario, steps, seed), [scenario, steps, seed]);
  // Every stop of the slider at once: the chosen one is drawn bold, the others faint.
  const keys = useMemo(() => momentumTrajectories(query, MOMENTA), [query]);
  const last = steps - 1;
  const qLast = query[last] ?? NaN;
  const kLast = (i: number) => keys[i]?.[last] ?? NaN;

  const width = 320;
  const height = 140;
  const all = [0, ...query, ...keys.flat()];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  // At most ~300 points a line: enough for the eye and fast to redraw.
  const stride = Math.max(1, Math.floor(steps / 300));
  const path = (series: readonly number[]) =>
    [0, ...series]
      .map((v, t) => ({ v, t }))
      .filter(({ t }) => t % stride === 0 || t === steps)
      .map(
        ({ v, t }) =>
          `${((t / steps) * width).toFixed(1)},${(height - ((v - lo) / span) * height).toFixed(1)}`,
      )
      .join(" ");
  // The chosen momentum last, so that it is drawn on top.
  const order = [...MOMENTA.keys()].filter((i) => i !== nines).concat(nines);

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("momentum")}
          value={nines}
          min={0}
          max={SLIDER_NINES}
          step={1}
          display={nines === DEFAULT_NINES ? t("mocoDefault", { m: String(m) }) : String(m)}
          onChange={setNines}
          testId={id("momentum")}
        />
        <Select
          label={t("queryEncoder")}
          value={scenario}
          options={SCENARIOS.map((value) => ({ value, label: t(`scenarios.${value}`) }))}
          onChange={setScenario}
          testId={id("scenario")}
        />
        <Slider
          label={t("steps")}
          value={steps}
          min={10}
          max={2000}
          step={10}
          onChange={setSteps}
          testId={id("steps")}
        />
        {scenario === "noisy" && <SeedField value={seed} onChange={setSeed} testId={id("seed")} />}
      </Controls>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("explain", { momenta: MOMENTA.join(", ") })}
      </p>
      <Controls>
        <Readout
          label={t("key", { steps: String(steps), m: String(m) })}
          value={fmt(kLast(nines), 4)}
          testId={id("key")}
          emphasis
        />
        <Readout
          label={t("timeConstant")}
          value={fmt(timeConstant(m), 0)}
          testId={id("time-constant")}
        />
        <Readout
          label={t("halfLife")}
          value={fmt(halfLife(m), 1)}
          testId={id("half-life")}
        />
      </Controls>
      <svg
        viewBox={`-2 -4 ${width + 4} ${height + 8}`}
        className="h-auto w-full max-w-xl"
        role="img"
        aria-label={t("chartLabel", { steps: String(steps), m: String(m), others: MOMENTA.filter((v) => v !== m).join(", ") })}
      >
        <polyline
          points={path(query)}
          fill="none"
          className="stroke-slate-900 dark:stroke-slate-100"
          strokeWidth={1.5}
          strokeDasharray="4 2"
        />
        {order.map((i) => (
          <polyline
            key={i}
            points={path(keys[i] ?? [])}
            fill="none"
            className={COLORS[i]}
            strokeWidth={i === nines ? 2.5 : 1}
            opacity={i === nines ? 1 : 0.35}
          />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-4 text-xs">
        <li>
          <span className="mr-1 inline-block h-0.5 w-5 border-t-2 border-dashed border-slate-900 align-middle dark:border-slate-100" />{" "}
          {t("legendQuery")}
        </li>
        {MOMENTA.map((v, i) => (
          <li
            key={v}
            className={i === nines ? "font-semibold" : "text-slate-600 dark:text-slate-400"}
          >
            <svg width={20} height={6} aria-hidden className="mr-1 inline-block">
              <line
                x1={0}
                x2={20}
                y1={3}
                y2={3}
                className={COLORS[i]}
                strokeWidth={i === nines ? 3 : 1.5}
              />
            </svg>
            {t("legendKey", { m: String(v) })}
          </li>
        ))}
      </ul>
      <p className="text-xs font-medium">{t("lagTitle", { steps: String(steps) })}</p>
      <Controls>
        {MOMENTA.map((v, i) => (
          <Readout
            key={v}
            label={`m = ${v}`}
            value={fmt(qLast - kLast(i), 4)}
            testId={id(`lag-${v}`)}
            emphasis={i === nines}
          />
        ))}
      </Controls>
      <NumbersTable
        summary={t("tableSummary")}
        head={["m", t("headTimeConstant"), t("headHalfLife"), t("headKey", { steps: String(steps) }), t("headLag")]}
        rows={MOMENTA.map((v, i) => [
          i === nines ? t("chosen", { m: String(v) }) : String(v),
          fmt(timeConstant(v), 0),
          fmt(halfLife(v), 1),
          fmt(kLast(i), 4),
          fmt(qLast - kLast(i), 4),
        ])}
        testId={id("table")}
      />
    </WidgetFrame>
  );
}
