"use client";

import { useMemo, useState } from "react";
import { gaussianMatrix } from "../prng";
import {
  Controls,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  Slider,
  WidgetFrame,
  fmt,
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
const SCENARIOS: { value: Scenario; label: string }[] = [
  { value: "jump", label: "Query weights jump from 0 to 1" },
  { value: "drift", label: "Query weights drift up steadily" },
  { value: "noisy", label: "Query weights wander (noisy SGD)" },
];

/** θ_q after each step, for the chosen story. */
function queryWeights(scenario: Scenario, steps: number, seed: number): number[] {
  if (scenario === "jump") return new Array<number>(steps).fill(1);
  if (scenario === "drift") return Array.from({ length: steps }, (_, i) => (i + 1) / steps);
  const [noise = []] = gaussianMatrix(seed, 1, steps);
  let q = 0;
  return noise.map((z) => (q += 0.05 * z));
}

export default function MomentumEncoderView() {
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
    <WidgetFrame name={NAME} title="Momentum encoder: how far the keys lag the query encoder">
      <Controls>
        <Slider
          label="Momentum m"
          value={nines}
          min={0}
          max={SLIDER_NINES}
          step={1}
          display={nines === DEFAULT_NINES ? `${m} (MoCo's default)` : String(m)}
          onChange={setNines}
          testId={id("momentum")}
        />
        <Select
          label="Query encoder"
          value={scenario}
          options={SCENARIOS}
          onChange={setScenario}
          testId={id("scenario")}
        />
        <Slider
          label="Training steps"
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
        θ_k ← m·θ_k + (1 − m)·θ_q after every step, starting from θ_k = 0. The slider steps through
        m = {MOMENTA.join(", ")}: each extra nine makes the key encoder ten times slower.
      </p>
      <Controls>
        <Readout
          label={`Key θ_k at step ${steps}, m = ${m}`}
          value={fmt(kLast(nines), 4)}
          testId={id("key")}
          emphasis
        />
        <Readout
          label="Time constant 1/(1 − m), steps"
          value={fmt(timeConstant(m), 0)}
          testId={id("time-constant")}
        />
        <Readout
          label="Half-life of a jump, steps"
          value={fmt(halfLife(m), 1)}
          testId={id("half-life")}
        />
      </Controls>
      <svg
        viewBox={`-2 -4 ${width + 4} ${height + 8}`}
        className="h-auto w-full max-w-xl"
        role="img"
        aria-label={`Query weight and key weight over ${steps} steps for m = ${m}, with the keys for m = ${MOMENTA.filter((v) => v !== m).join(", ")} drawn faint for comparison`}
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
          query θ_q
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
            key, m = {v}
          </li>
        ))}
      </ul>
      <p className="text-xs font-medium">Lag θ_q − θ_k at step {steps}, for every m:</p>
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
        summary="Show the numbers as a table"
        head={["m", "time constant 1/(1−m)", "half-life (steps)", `θ_k at step ${steps}`, "lag"]}
        rows={MOMENTA.map((v, i) => [
          i === nines ? `${v} (chosen)` : String(v),
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
