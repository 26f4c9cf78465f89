"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { gaussianMatrix } from "../prng";
import { toyImage } from "../toy-image";
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
import { boringVideoCheck, inflateKernel } from "./core";

const NAME = "i3d-inflation";
const id = (part: string) => `widget-${NAME}-${part}`;
type KernelKind = "edge" | "blur" | "sharpen" | "random";
const KERNELS: readonly KernelKind[] = ["edge", "blur", "sharpen", "random"];

function kernelOf(kind: KernelKind, seed: number): number[][] {
  if (kind === "edge")
    return [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ];
  if (kind === "blur")
    return [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ].map((r) => r.map((v) => v / 9));
  if (kind === "sharpen")
    return [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ];
  return gaussianMatrix(seed, 3, 3);
}

/** A small grey-scale picture of a matrix, scaled to its own range. */
function GrayGrid({
  values,
  label,
  size = 72,
}: {
  values: number[][];
  label: string;
  size?: number;
}) {
  const flat = values.flat();
  const lo = Math.min(...flat);
  const hi = Math.max(...flat);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  return (
    <svg
      viewBox={`0 0 ${cols} ${rows}`}
      width={size}
      height={(size * rows) / Math.max(cols, 1)}
      role="img"
      aria-label={label}
      className="shrink-0 rounded-sm"
    >
      {values.map((row, r) =>
        row.map((v, c) => {
          const g = Math.round(((v - lo) / (hi - lo || 1)) * 255);
          return (
            <rect
              key={`${r}-${c}`}
              x={c}
              y={r}
              width={1.02}
              height={1.02}
              fill={`rgb(${g},${g},${g})`}
            />
          );
        }),
      )}
    </svg>
  );
}

export default function I3dInflationView() {
  const t = useTranslations("widgets.i3d-inflation");
  const fmt = useFmt();
  const [time, setTime] = useState(3);
  const [frames, setFrames] = useState(5);
  const [kind, setKind] = useState<KernelKind>("edge");
  const [seed, setSeed] = useState(1);
  const [moving, setMoving] = useState(false);

  const image = useMemo(
    () =>
      toyImage(16).map((row) =>
        row.map(([r = 0, g = 0, b = 0]) => 0.299 * r + 0.587 * g + 0.114 * b),
      ),
    [],
  );
  const kernel = useMemo(() => kernelOf(kind, seed), [kind, seed]);
  const videoFrames = Math.max(frames, time);
  const inflated = useMemo(() => inflateKernel(kernel, time), [kernel, time]);
  const check = useMemo(
    () => boringVideoCheck(image, kernel, time, videoFrames, moving ? 1 : 0),
    [image, kernel, time, videoFrames, moving],
  );

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Select
          label={t("kernel")}
          value={kind}
          options={KERNELS.map((value) => ({ value, label: t(`kernels.${value}`) }))}
          onChange={setKind}
          testId={id("kernel")}
        />
        {kind === "random" && <SeedField value={seed} onChange={setSeed} testId={id("seed")} />}
        <Slider
          label={t("timeSize")}
          value={time}
          min={1}
          max={5}
          step={1}
          onChange={setTime}
          testId={id("time-size")}
        />
        <Slider
          label={t("frames")}
          value={videoFrames}
          min={time}
          max={8}
          step={1}
          onChange={setFrames}
          testId={id("frames")}
        />
        <Toggle
          label={t("moving")}
          checked={moving}
          onChange={setMoving}
          testId={id("moving")}
        />
      </Controls>
      <div className="flex flex-wrap items-start gap-4 text-xs">
        <div>
          <p className="mb-1 font-medium">{t("kernel2d")}</p>
          <KernelTable kernel={kernel} testId={id("kernel-2d")} />
        </div>
        <div>
          <p className="mb-1 font-medium">{t("inflated", { n: String(time) })}</p>
          <div className="flex flex-wrap gap-2">
            {inflated.map((slice, i) => (
              <KernelTable key={i} kernel={slice} testId={id(`kernel-3d-${i}`)} />
            ))}
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-4 text-xs">
        <figure>
          <GrayGrid values={image} label={t("inputLabel")} />
          <figcaption>{t("inputCaption")}</figcaption>
        </figure>
        <figure>
          <GrayGrid values={check.out2d} label={t("conv2dLabel")} />
          <figcaption>{t("conv2dCaption")}</figcaption>
        </figure>
        {check.out3d.map((frame, i) => (
          <figure key={i}>
            <GrayGrid values={frame} label={t("conv3dLabel", { frame: String(i + 1) })} size={56} />
            <figcaption>{t("conv3dCaption", { frame: String(i + 1) })}</figcaption>
          </figure>
        ))}
      </div>
      <Controls>
        <Readout
          label={t("maxDifference")}
          value={check.maxDifference < 1e-5 ? t("equal") : fmt(check.maxDifference, 4)}
          testId={id("max-difference")}
          emphasis
        />
        <Readout
          label={t("outputFrames")}
          value={String(check.out3d.length)}
          testId={id("output-frames")}
        />
      </Controls>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headOutput"), t("headCentre")]}
        rows={[
          [t("row2d"), fmt(check.out2d[6]?.[6] ?? NaN, 4)],
          ...check.out3d.map((frame, i) => [t("row3d", { frame: String(i + 1) }), fmt(frame[6]?.[6] ?? NaN, 4)]),
        ]}
      />
    </WidgetFrame>
  );
}

function KernelTable({ kernel, testId }: { kernel: number[][]; testId: string }) {
  const fmt = useFmt();
  return (
    <table className="border-collapse tabular-nums" data-testid={testId}>
      <tbody>
        {kernel.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c} className="border border-slate-200 px-1 text-right dark:border-slate-700">
                {fmt(v, 2)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
