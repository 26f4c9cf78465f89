"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  Controls,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  Slider,
  Toggle,
  WidgetFrame,
  useFmt,
} from "../ui";
import { stackFlows, subtractMeanFlow, toyFlows, type Motion } from "./core";

const NAME = "optical-flow-stack";
const id = (part: string) => `widget-${NAME}-${part}`;
const SIZE = 8;
const MOTIONS: readonly Motion[] = ["translate", "rotate", "zoom"];

export default function OpticalFlowStackView() {
  const t = useTranslations("widgets.optical-flow-stack");
  const fmt = useFmt();
  const [length, setLength] = useState(10);
  const [motion, setMotion] = useState<Motion>("rotate");
  const [shake, setShake] = useState(true);
  const [subtract, setSubtract] = useState(false);
  const [seed, setSeed] = useState(1);
  const [picked, setPicked] = useState(0);

  const flows = useMemo(() => {
    const raw = toyFlows(length, SIZE, motion, shake ? 1 : 0, seed);
    return subtract ? subtractMeanFlow(raw) : raw;
  }, [length, motion, shake, seed, subtract]);
  const stacked = useMemo(() => stackFlows(flows), [flows]);
  const frame = Math.min(picked, length - 1);
  const field = flows[frame] ?? [];
  const centre = stacked[SIZE / 2]?.[SIZE / 2] ?? [];

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("length")}
          value={length}
          min={1}
          max={10}
          step={1}
          onChange={setLength}
          testId={id("length")}
        />
        <Select
          label={t("motion")}
          value={motion}
          options={MOTIONS.map((value) => ({ value, label: t(`motions.${value}`) }))}
          onChange={setMotion}
          testId={id("motion")}
        />
        <Toggle
          label={t("shake")}
          checked={shake}
          onChange={setShake}
          testId={id("camera-shake")}
        />
        <Toggle
          label={t("subtract")}
          checked={subtract}
          onChange={setSubtract}
          testId={id("subtract-mean")}
        />
        {shake && <SeedField value={seed} onChange={setSeed} testId={id("seed")} />}
      </Controls>
      <Controls>
        <Readout
          label={t("channels")}
          value={String(2 * length)}
          testId={id("channel-count")}
          emphasis
        />
        <Readout
          label={t("shape")}
          value={`${SIZE} × ${SIZE} × ${2 * length}`}
          testId={id("input-shape")}
        />
      </Controls>
      <div className="flex flex-wrap items-start gap-6">
        <figure>
          <Select
            label={t("showField")}
            value={frame}
            options={flows.map((_, k) => ({
              value: k,
              label: t("fieldOption", { field: String(k + 1), first: String(2 * k + 1), second: String(2 * k + 2) }),
            }))}
            onChange={setPicked}
            testId={id("frame")}
          />
          <svg
            viewBox={`-0.5 -0.5 ${SIZE} ${SIZE}`}
            className="mt-2 w-48"
            role="img"
            aria-label={t("fieldLabel", { field: String(frame + 1) })}
          >
            <defs>
              <marker
                id="flow-arrow"
                viewBox="0 0 6 6"
                refX="5"
                refY="3"
                markerWidth="4"
                markerHeight="4"
                orient="auto"
              >
                <path d="M0,0 L6,3 L0,6 z" className="fill-rose-600 dark:fill-rose-400" />
              </marker>
            </defs>
            <rect
              x={-0.5}
              y={-0.5}
              width={SIZE}
              height={SIZE}
              className="fill-slate-100 dark:fill-slate-800"
            />
            {field.map((row, v) =>
              row.map(([dx = 0, dy = 0], u) => (
                <line
                  key={`${u}-${v}`}
                  x1={u}
                  y1={v}
                  x2={u + dx * 0.4}
                  y2={v + dy * 0.4}
                  className="stroke-rose-600 dark:stroke-rose-400"
                  strokeWidth={0.08}
                  markerEnd="url(#flow-arrow)"
                />
              )),
            )}
          </svg>
        </figure>
        <div className="min-w-0 text-xs">
          <p className="mb-1 font-medium">{t("centre")}</p>
          <ol className="flex flex-wrap gap-1 tabular-nums" data-testid={id("centre-vector")}>
            {centre.map((v, ch) => (
              <li
                key={ch}
                className={`rounded px-1 ${ch % 2 === 0 ? "bg-sky-100 dark:bg-sky-900" : "bg-amber-100 dark:bg-amber-900"}`}
              >
                {ch % 2 === 0 ? "dx" : "dy"}
                {Math.floor(ch / 2) + 1}: {fmt(v, 2)}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headRow"), ...Array.from({ length: SIZE }, (_, u) => t("headColumn", { column: String(u + 1) }))]}
        rows={field.map((row, v) => [
          t("rowName", { row: String(v + 1) }),
          ...row.map(([dx = 0, dy = 0]) => `(${fmt(dx, 2)}, ${fmt(dy, 2)})`),
        ])}
      />
    </WidgetFrame>
  );
}
