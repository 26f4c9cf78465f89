"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Controls, NumbersTable, Readout, Select, Toggle, WidgetFrame } from "../ui";
import {
  cyclicShiftedWindows,
  maskedPairs,
  mergePatches,
  naiveShiftedWindows,
  regularWindows,
  swinStages,
  windowCount,
} from "./core";

const NAME = "swin-windows";
const id = (part: string) => `widget-${NAME}-${part}`;
const GRID = 8;
const PALETTE = [
  "#60a5fa",
  "#f472b6",
  "#34d399",
  "#fbbf24",
  "#a78bfa",
  "#f87171",
  "#2dd4bf",
  "#fb923c",
  "#94a3b8",
  "#c084fc",
  "#4ade80",
  "#facc15",
  "#38bdf8",
  "#e879f9",
  "#a3e635",
  "#fda4af",
  "#93c5fd",
  "#fcd34d",
  "#6ee7b7",
  "#d8b4fe",
  "#fdba74",
  "#67e8f9",
  "#bef264",
  "#f9a8d4",
  "#cbd5e1",
];
const WINDOWS = [2, 4].map((m) => ({ value: m, label: `${m} × ${m}` }));
const SIZES = [224, 384].map((s) => ({ value: s, label: `${s} × ${s}` }));
const CHANNELS = [
  { value: 96, label: "96 (Swin-T / S)" },
  { value: 128, label: "128 (Swin-B)" },
  { value: 192, label: "192 (Swin-L)" },
];

function WindowGrid({
  ids,
  caption,
  label,
  outline,
}: {
  ids: number[][];
  caption: string;
  label: string;
  outline?: number[][];
}) {
  return (
    <figure>
      <svg
        viewBox={`0 0 ${GRID} ${GRID}`}
        className="w-full max-w-44"
        role="img"
        aria-label={label}
      >
        {ids.map((row, r) =>
          row.map((w, c) => (
            <g key={`${r}-${c}`}>
              <rect
                x={c}
                y={r}
                width={1}
                height={1}
                fill={PALETTE[w % PALETTE.length]}
                stroke="white"
                strokeWidth={0.04}
              />
              <text x={c + 0.5} y={r + 0.65} fontSize={0.42} textAnchor="middle" fill="#18181b">
                {w}
              </text>
              {outline && outline[r]?.[c] !== outline[r]?.[c + 1] && c + 1 < GRID && (
                <line
                  x1={c + 1}
                  x2={c + 1}
                  y1={r}
                  y2={r + 1}
                  stroke="#18181b"
                  strokeWidth={0.08}
                  strokeDasharray="0.15 0.1"
                />
              )}
              {outline && outline[r]?.[c] !== outline[r + 1]?.[c] && r + 1 < GRID && (
                <line
                  x1={c}
                  x2={c + 1}
                  y1={r + 1}
                  y2={r + 1}
                  stroke="#18181b"
                  strokeWidth={0.08}
                  strokeDasharray="0.15 0.1"
                />
              )}
            </g>
          )),
        )}
      </svg>
      <figcaption className="text-xs">{caption}</figcaption>
    </figure>
  );
}

export default function SwinWindowsView() {
  const t = useTranslations("widgets.swin-windows");
  const [windowSize, setWindowSize] = useState(4);
  const [shifted, setShifted] = useState(true);
  const [size, setSize] = useState(224);
  const [channels, setChannels] = useState(96);
  const shift = shifted ? Math.floor(windowSize / 2) : 0;

  const maps = useMemo(() => {
    const regular = regularWindows(GRID, GRID, windowSize);
    const naive = naiveShiftedWindows(GRID, GRID, windowSize, shift);
    const cyclic = cyclicShiftedWindows(GRID, GRID, windowSize, shift);
    return { regular, naive, cyclic, blocked: maskedPairs(GRID, GRID, windowSize, shift) };
  }, [windowSize, shift]);
  const stages = useMemo(() => swinStages(size, channels), [size, channels]);
  // One real patch merge on a tiny 2 × 2 × 1 map, to show the 4C channel order.
  const merged = useMemo(
    () =>
      mergePatches([
        [[1], [3]],
        [[2], [4]],
      ]),
    [],
  );
  const windows = windowCount(maps.cyclic);

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Select
          label={t("windowSize")}
          value={windowSize}
          options={WINDOWS}
          onChange={setWindowSize}
          testId={id("window-size")}
        />
        <Toggle
          label={t("shift", { shift: String(Math.floor(windowSize / 2)) })}
          checked={shifted}
          onChange={setShifted}
          testId={id("shift")}
        />
      </Controls>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <WindowGrid
          ids={maps.regular}
          caption={t("regularCaption", { count: String(windowCount(maps.regular)), m: String(windowSize) })}
          label={t("regularLabel", { grid: String(GRID), count: String(windowCount(maps.regular)) })}
        />
        <WindowGrid
          ids={maps.naive}
          caption={t("naiveCaption", { count: String(windowCount(maps.naive)) })}
          label={t("naiveLabel", { count: String(windowCount(maps.naive)) })}
        />
        <WindowGrid
          ids={maps.cyclic}
          outline={maps.naive}
          caption={t("cyclicCaption", { count: String(windows) })}
          label={t("cyclicLabel", { count: String(windows), tokens: String(windowSize * windowSize), masked: String(maps.blocked) })}
        />
      </div>
      <Controls>
        <Readout
          label={t("windowCount")}
          value={String(windows)}
          testId={id("window-count")}
          emphasis
        />
        <Readout
          label={t("naiveCount")}
          value={String(windowCount(maps.naive))}
          testId={id("naive-window-count")}
        />
        <Readout
          label={t("tokensPerWindow")}
          value={String(windowSize * windowSize)}
          testId={id("tokens-per-window")}
        />
        <Readout
          label={t("maskedPairs")}
          value={String(maps.blocked)}
          testId={id("masked-pairs")}
        />
      </Controls>
      <Controls>
        <Select
          label={t("imageSize")}
          value={size}
          options={SIZES}
          onChange={setSize}
          testId={id("image-size")}
        />
        <Select
          label={t("channels")}
          value={channels}
          options={CHANNELS}
          onChange={setChannels}
          testId={id("channels")}
        />
      </Controls>
      <ol className="flex flex-wrap items-center gap-2 text-xs">
        {stages.map((s, i) => (
          <li key={s.stage} className="flex items-center gap-2">
            {i > 0 && (
              <span className="text-slate-500" aria-label={t("patchMerging")}>
                {t("mergeStep", {
                  c: String(stages[i - 1]?.shape[2] ?? 0),
                  c4: String((stages[i - 1]?.shape[2] ?? 0) * 4),
                })}
              </span>
            )}
            <span
              className="rounded border border-slate-300 px-2 py-1 tabular-nums dark:border-slate-600"
              data-testid={id(`stage-${s.stage}-shape`)}
            >
              {s.shape.join(" × ")}
            </span>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("mergeNote", { order: merged[0]?.[0]?.join(", ") ?? "" })}
      </p>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headStage"), "H", "W", "C", t("headWindows")]}
        rows={stages.map((s) => [
          String(s.stage),
          String(s.shape[0]),
          String(s.shape[1]),
          String(s.shape[2]),
          String(s.windows),
        ])}
      />
    </WidgetFrame>
  );
}
