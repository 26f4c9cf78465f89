"use client";

import { useMemo, useState } from "react";
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
    <WidgetFrame name={NAME} title="Swin: windows, shifted windows and patch merging">
      <Controls>
        <Select
          label="Window size M"
          value={windowSize}
          options={WINDOWS}
          onChange={setWindowSize}
          testId={id("window-size")}
        />
        <Toggle
          label={`Shift windows by ⌊M/2⌋ = ${Math.floor(windowSize / 2)}`}
          checked={shifted}
          onChange={setShifted}
          testId={id("shift")}
        />
      </Controls>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <WindowGrid
          ids={maps.regular}
          caption={`Regular: ${windowCount(maps.regular)} windows of ${windowSize}×${windowSize}`}
          label={`An ${GRID} by ${GRID} token grid split into ${windowCount(maps.regular)} windows`}
        />
        <WindowGrid
          ids={maps.naive}
          caption={`Shifted naively: ${windowCount(maps.naive)} windows, some smaller`}
          label={`Naively shifted windows: ${windowCount(maps.naive)} windows`}
        />
        <WindowGrid
          ids={maps.cyclic}
          outline={maps.naive}
          caption={`Cyclic shift: ${windows} windows; dashed borders split tokens that must not attend`}
          label={`After the cyclic shift: ${windows} windows of ${windowSize * windowSize} tokens, ${maps.blocked} token pairs masked`}
        />
      </div>
      <Controls>
        <Readout
          label="Windows computed"
          value={String(windows)}
          testId={id("window-count")}
          emphasis
        />
        <Readout
          label="Windows if shifted naively"
          value={String(windowCount(maps.naive))}
          testId={id("naive-window-count")}
        />
        <Readout
          label="Tokens per window M²"
          value={String(windowSize * windowSize)}
          testId={id("tokens-per-window")}
        />
        <Readout
          label="Pairs blocked by the mask"
          value={String(maps.blocked)}
          testId={id("masked-pairs")}
        />
      </Controls>
      <Controls>
        <Select
          label="Image size"
          value={size}
          options={SIZES}
          onChange={setSize}
          testId={id("image-size")}
        />
        <Select
          label="Embedding width C"
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
              <span className="text-slate-500" aria-label="patch merging">
                → merge 2×2 ({stages[i - 1]?.shape[2] ?? 0}×4 = {(stages[i - 1]?.shape[2] ?? 0) * 4}
                ) → linear →
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
        Merging a 2×2 group [[a, c], [b, d]] concatenates its tokens as [
        {merged[0]?.[0]?.join(", ")}] for a=1, b=2, c=3, d=4.
      </p>
      <NumbersTable
        summary="Show the stage shapes as a table"
        head={["stage", "H", "W", "C", "windows of 7×7"]}
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
