"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Controls, NumbersTable, Readout, Select, WidgetFrame } from "../ui";
import { rgb, toyImage } from "../toy-image";
import { patchify, tokenCount } from "./core";

const NAME = "vit-patching";
const id = (part: string) => `widget-${NAME}-${part}`;
const SIZE = 32;
const CHANNELS = 3;
const PATCHES = [2, 4, 8, 16].map((p) => ({ value: p, label: `${p} × ${p}` }));
const REAL_PATCHES = [8, 14, 16, 32];

export default function VitPatchingView() {
  const t = useTranslations("widgets.vit-patching");
  const [patch, setPatch] = useState(8);
  const image = useMemo(() => toyImage(SIZE), []);
  const patched = useMemo(() => patchify(image, patch), [image, patch]);
  // The image does not depend on P: draw its pixels once.
  const pixels = useMemo(
    () =>
      image.map((row, r) =>
        row.map((pixel, c) => (
          <rect key={`${r}-${c}`} x={c} y={r} width={1.02} height={1.02} fill={rgb(pixel)} />
        )),
      ),
    [image],
  );
  const n = patched.tokens.length;
  // Tokens are drawn from the flattened vectors, not from the image, so the strip shows
  // exactly what the reshape produced.
  const cell = 4;
  const gap = 2;
  const perRow = Math.min(n, Math.max(4, Math.floor(64 / patch)));
  const stripRows = Math.ceil(n / perRow);
  const tokenSize = patch * cell;

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Select
          label={t("patchSize")}
          value={patch}
          options={PATCHES}
          onChange={setPatch}
          testId={id("patch-size")}
        />
        <Readout
          label={t("tokens")}
          value={String(n)}
          testId={id("token-count")}
          emphasis
        />
        <Readout label={t("grid")} value={`${patched.rows} × ${patched.cols}`} testId={id("grid")} />
        <Readout
          label={t("tokenLength")}
          value={String(patch * patch * CHANNELS)}
          testId={id("token-length")}
        />
        <Readout
          label={t("sequence")}
          value={String(n + 1)}
          testId={id("sequence-length")}
        />
      </Controls>
      <div className="flex flex-wrap items-start gap-6">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          className="h-48 w-48 shrink-0"
          role="img"
          aria-label={t("imageLabel", { size: String(SIZE), n: String(n), p: String(patch) })}
        >
          {pixels}
          {Array.from({ length: patched.rows + 1 }, (_, i) => (
            <line
              key={`h${i}`}
              x1={0}
              x2={SIZE}
              y1={i * patch}
              y2={i * patch}
              stroke="white"
              strokeWidth={0.3}
            />
          ))}
          {Array.from({ length: patched.cols + 1 }, (_, i) => (
            <line
              key={`v${i}`}
              y1={0}
              y2={SIZE}
              x1={i * patch}
              x2={i * patch}
              stroke="white"
              strokeWidth={0.3}
            />
          ))}
          {patch >= 8 &&
            patched.positions.map((pos, k) => (
              <text
                key={pos}
                x={(k % patched.cols) * patch + 1}
                y={Math.floor(k / patched.cols) * patch + 3.2}
                fontSize={2.8}
                fill="black"
                stroke="white"
                strokeWidth={0.15}
              >
                {pos}
              </text>
            ))}
        </svg>
        <div className="min-w-0 flex-1">
          <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
            {t("sequenceIntro", { n: String(n) })}
          </p>
          <svg
            viewBox={`0 0 ${perRow * (tokenSize + gap)} ${stripRows * (tokenSize + gap + 6)}`}
            className="h-auto w-full max-w-md"
            role="img"
            aria-label={t("stripLabel", { n: String(n), p: String(patch), c: String(CHANNELS) })}
          >
            {patched.tokens.map((token, k) => {
              const ox = (k % perRow) * (tokenSize + gap);
              const oy = Math.floor(k / perRow) * (tokenSize + gap + 6);
              return (
                <g key={k}>
                  {Array.from({ length: patch * patch }, (_, p) => (
                    <rect
                      key={p}
                      x={ox + (p % patch) * cell}
                      y={oy + Math.floor(p / patch) * cell}
                      width={cell + 0.1}
                      height={cell + 0.1}
                      fill={rgb(token.slice(p * CHANNELS, p * CHANNELS + CHANNELS))}
                    />
                  ))}
                  <text
                    x={ox}
                    y={oy + tokenSize + 5}
                    fontSize={5}
                    className="fill-slate-600 dark:fill-slate-300"
                  >
                    {k + 1}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      </div>
      <NumbersTable
        summary={t("tableSummary")}
        head={["P", "N = (224/P)²", t("headSequence"), t("headPairs")]}
        rows={REAL_PATCHES.map((p) => {
          const count = tokenCount(224, 224, p);
          return [String(p), String(count), String(count + 1), String(count * count)];
        })}
        testId={id("table")}
      />
    </WidgetFrame>
  );
}
