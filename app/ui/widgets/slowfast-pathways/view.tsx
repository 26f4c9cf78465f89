"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { WidgetInputError } from "../errors";
import { Controls, InputProblem, NumbersTable, Readout, Select, WidgetFrame, useFmt } from "../ui";
import { slowFastShapes, type Fusion, type SlowFastShapes } from "./core";

const NAME = "slowfast-pathways";
const id = (part: string) => `widget-${NAME}-${part}`;
const RAW = 64;
const CHANNELS = 64;
const ALPHAS = [2, 4, 8, 16].map((a) => ({ value: a, label: String(a) }));
const BETAS = [4, 8, 16].map((d) => ({ value: d, label: `1/${d}` }));
const TAUS = [8, 16, 32].map((t) => ({ value: t, label: String(t) }));
const FUSIONS: readonly Fusion[] = ["time-strided-conv", "time-to-channel", "time-strided-sampling"];

/** A failed input names its parameter; the view words it in the reader's language. */
type Outcome = { ok: true; shapes: SlowFastShapes } | { ok: false; parameter: string };

export default function SlowFastPathwaysView() {
  const t = useTranslations("widgets.slowfast-pathways");
  const common = useTranslations("widgets.common");
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
      if (error instanceof WidgetInputError) return { ok: false, parameter: error.parameter };
      throw error;
    }
  }, [alpha, betaDivisor, tau, fusion]);

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Select
          label={t("alpha")}
          value={alpha}
          options={ALPHAS}
          onChange={setAlpha}
          testId={id("alpha")}
        />
        <Select
          label={t("beta")}
          value={betaDivisor}
          options={BETAS}
          onChange={setBetaDivisor}
          testId={id("beta")}
        />
        <Select
          label={t("tau")}
          value={tau}
          options={TAUS}
          onChange={setTau}
          testId={id("tau")}
        />
        <Select
          label={t("fusion")}
          value={fusion}
          options={FUSIONS.map((value) => ({ value, label: t(`fusions.${value}`) }))}
          onChange={setFusion}
          testId={id("fusion")}
        />
      </Controls>
      {!outcome.ok ? (
        <InputProblem
          message={
            outcome.parameter === "alpha"
              ? t("problemAlpha", { alpha: String(alpha), tau: String(tau) })
              : outcome.parameter === "rawFrames"
                ? t("problemFrames", { tau: String(tau), raw: String(RAW) })
                : common("problem")
          }
          testId={id("problem")}
        />
      ) : (
        <Body shapes={outcome.shapes} alpha={alpha} />
      )}
    </WidgetFrame>
  );
}

function Body({ shapes, alpha }: { shapes: SlowFastShapes; alpha: number }) {
  const t = useTranslations("widgets.slowfast-pathways");
  const fmt = useFmt();
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
        aria-label={t("framesLabel", { raw: String(RAW), slow: String(shapes.slow.frames), fast: String(shapes.fast.frames) })}
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
          label={t("slowShape")}
          value={`${shapes.slow.frames} × ${shapes.slow.channels}`}
          testId={id("slow-shape")}
        />
        <Readout
          label={t("fastShape")}
          value={`${shapes.fast.frames} × ${shapes.fast.channels}`}
          testId={id("fast-shape")}
        />
        <Readout
          label={t("lateral", { alpha: String(alpha) })}
          value={`${shapes.lateral[0]} × ${shapes.lateral[1]}`}
          testId={id("lateral-shape")}
        />
        <Readout
          label={t("share")}
          value={`${fmt(share * 100, 1)}%`}
          testId={id("fast-share")}
          emphasis
        />
      </Controls>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("shareNote")}
      </p>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headPathway"), t("headFrames"), t("headChannels"), t("headIndices")]}
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
