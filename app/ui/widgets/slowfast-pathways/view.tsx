"use client";

import { useMemo, useState } from "react";
import { WidgetInputError } from "../errors";
import { Controls, InputProblem, NumbersTable, Readout, Select, WidgetFrame, fmt } from "../ui";
import { slowFastShapes, type Fusion, type SlowFastShapes } from "./core";

const NAME = "slowfast-pathways";
const id = (part: string) => `widget-${NAME}-${part}`;
const RAW = 64;
const CHANNELS = 64;
const ALPHAS = [2, 4, 8, 16].map((a) => ({ value: a, label: String(a) }));
const BETAS = [4, 8, 16].map((d) => ({ value: d, label: `1/${d}` }));
const TAUS = [8, 16, 32].map((t) => ({ value: t, label: String(t) }));
const FUSIONS: { value: Fusion; label: string }[] = [
  { value: "time-strided-conv", label: "Time-strided convolution" },
  { value: "time-to-channel", label: "Time-to-channel (reshape)" },
  { value: "time-strided-sampling", label: "Time-strided sampling" },
];

type Outcome = { ok: true; shapes: SlowFastShapes } | { ok: false; problem: string };

export default function SlowFastPathwaysView() {
  const [alpha, setAlpha] = useState(8);
  const [betaDivisor, setBetaDivisor] = useState(8);
  const [tau, setTau] = useState(16);
  const [fusion, setFusion] = useState<Fusion>("time-strided-conv");

  const outcome = useMemo((): Outcome => {
    try {
      return {
        ok: true,
        shapes: slowFastShapes(
          { rawFrames: RAW, tau, alpha, beta: 1 / betaDivisor, channels: CHANNELS },
          fusion,
        ),
      };
    } catch (error) {
      if (error instanceof WidgetInputError) return { ok: false, problem: error.message };
      throw error;
    }
  }, [alpha, betaDivisor, tau, fusion]);

  return (
    <WidgetFrame name={NAME} title="SlowFast: two pathways at two frame rates">
      <Controls>
        <Select
          label="Frame-rate ratio α"
          value={alpha}
          options={ALPHAS}
          onChange={setAlpha}
          testId={id("alpha")}
        />
        <Select
          label="Channel ratio β"
          value={betaDivisor}
          options={BETAS}
          onChange={setBetaDivisor}
          testId={id("beta")}
        />
        <Select
          label="Slow stride τ (raw frames)"
          value={tau}
          options={TAUS}
          onChange={setTau}
          testId={id("tau")}
        />
        <Select
          label="Lateral connection"
          value={fusion}
          options={FUSIONS}
          onChange={setFusion}
          testId={id("fusion")}
        />
      </Controls>
      {!outcome.ok ? (
        <InputProblem message={outcome.problem} testId={id("problem")} />
      ) : (
        <Body shapes={outcome.shapes} alpha={alpha} />
      )}
    </WidgetFrame>
  );
}

function Body({ shapes, alpha }: { shapes: SlowFastShapes; alpha: number }) {
  const slow = new Set(shapes.slowFrames);
  const fast = new Set(shapes.fastFrames);
  const share = shapes.fastToSlowCost / (1 + shapes.fastToSlowCost);
  const cell = 5;
  return (
    <>
      <svg
        viewBox={`0 0 ${RAW * cell} 40`}
        className="h-auto w-full"
        role="img"
        aria-label={`${RAW} raw frames: Slow takes ${shapes.slow.frames} of them, Fast takes ${shapes.fast.frames}`}
      >
        <text x={0} y={8} fontSize={7} className="fill-slate-600 dark:fill-slate-300">
          Slow
        </text>
        <text x={0} y={36} fontSize={7} className="fill-slate-600 dark:fill-slate-300">
          Fast
        </text>
        {Array.from({ length: RAW }, (_, f) => (
          <g key={f}>
            <rect
              x={f * cell + 0.5}
              y={14}
              width={cell - 1}
              height={10}
              className="fill-slate-200 dark:fill-slate-700"
            />
            {slow.has(f) && (
              <rect
                x={f * cell + 0.5}
                y={10}
                width={cell - 1}
                height={3}
                className="fill-sky-600"
              />
            )}
            {fast.has(f) && (
              <rect
                x={f * cell + 0.5}
                y={25}
                width={cell - 1}
                height={3}
                className="fill-rose-500"
              />
            )}
          </g>
        ))}
      </svg>
      <Controls>
        <Readout
          label="Slow: frames × channels"
          value={`${shapes.slow.frames} × ${shapes.slow.channels}`}
          testId={id("slow-shape")}
        />
        <Readout
          label="Fast: frames × channels"
          value={`${shapes.fast.frames} × ${shapes.fast.channels}`}
          testId={id("fast-shape")}
        />
        <Readout
          label={`Lateral adds (frames × channels), α = ${alpha}`}
          value={`${shapes.lateral[0]} × ${shapes.lateral[1]}`}
          testId={id("lateral-shape")}
        />
        <Readout
          label="Fast's share of compute (≈ αβ²/(1+αβ²))"
          value={`${fmt(share * 100, 1)}%`}
          testId={id("fast-share")}
          emphasis
        />
      </Controls>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The share counts frames × channels² only; the paper reports about 20% for the whole network.
      </p>
      <NumbersTable
        summary="Show the sampled frame indices"
        head={["pathway", "frames", "channels", "raw frame indices"]}
        rows={[
          [
            "Slow",
            String(shapes.slow.frames),
            String(shapes.slow.channels),
            shapes.slowFrames.join(", "),
          ],
          [
            "Fast",
            String(shapes.fast.frames),
            String(shapes.fast.channels),
            shapes.fastFrames.join(", "),
          ],
        ]}
      />
    </>
  );
}
