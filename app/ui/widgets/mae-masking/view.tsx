"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Controls, NumbersTable, Readout, SeedField, Slider, WidgetFrame, useFmt } from "../ui";
import { rgb, toyImage } from "../toy-image";
import { patchify } from "../vit-patching/core";
import { maskedMse, randomMasking, visibleCount } from "./core";

const NAME = "mae-masking";
const id = (part: string) => `widget-${NAME}-${part}`;
const SIZE = 32;
const PATCH = 4;
const COLS = SIZE / PATCH;

export default function MaeMaskingView() {
  const t = useTranslations("widgets.mae-masking");
  const fmt = useFmt();
  const [ratio, setRatio] = useState(0.75);
  const [seed, setSeed] = useState(0);
  const image = useMemo(() => toyImage(SIZE), []);
  const { tokens } = useMemo(() => patchify(image, PATCH), [image]);
  const n = tokens.length;
  const masking = useMemo(() => randomMasking(n, ratio, seed), [n, ratio, seed]);

  // A decoder that knows nothing but the average visible patch: the loss to beat.
  const baseline = useMemo(() => {
    const width = tokens[0]?.length ?? 0;
    const average = Array.from({ length: width }, (_, d) => {
      const values = masking.visible.map((i) => tokens[i]?.[d] ?? 0);
      return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0.5;
    });
    return maskedMse(
      tokens.map(() => average),
      tokens,
      masking.mask,
    );
  }, [tokens, masking]);

  // The 1024 pixels are drawn once; a mask change only redraws 64 patch overlays.
  const pixels = useMemo(
    () =>
      image.map((row, r) =>
        row.map((pixel, c) => (
          <rect key={`${r}-${c}`} x={c} y={r} width={1.02} height={1.02} fill={rgb(pixel)} />
        )),
      ),
    [image],
  );
  const overlay = (covers: (masked: boolean) => "grey" | "dim" | null) =>
    masking.mask.map((m, i) => {
      const mode = covers(m === 1);
      if (mode === null) return null;
      const x = (i % COLS) * PATCH;
      const y = Math.floor(i / COLS) * PATCH;
      return mode === "grey" ? (
        <rect key={i} x={x} y={y} width={PATCH} height={PATCH} fill="rgb(113,113,122)" />
      ) : (
        <rect
          key={i}
          x={x}
          y={y}
          width={PATCH}
          height={PATCH}
          className="fill-white dark:fill-slate-900"
          opacity={0.75}
        />
      );
    });
  const grid = Array.from({ length: COLS + 1 }, (_, i) => (
    <g key={i}>
      <line x1={0} x2={SIZE} y1={i * PATCH} y2={i * PATCH} stroke="white" strokeWidth={0.2} />
      <line y1={0} y2={SIZE} x1={i * PATCH} x2={i * PATCH} stroke="white" strokeWidth={0.2} />
    </g>
  ));
  const visible = masking.visible.length;
  const perRow = 8;

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("ratio")}
          value={ratio}
          min={0}
          max={0.95}
          step={0.05}
          display={`${Math.round(ratio * 100)}%`}
          onChange={setRatio}
          testId={id("ratio")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
        <Readout
          label={t("visibleOf", { n: String(n) })}
          value={String(visible)}
          testId={id("visible-count")}
          emphasis
        />
        <Readout
          label={t("masked")}
          value={String(masking.masked.length)}
          testId={id("masked-count")}
        />
        <Readout
          label={t("visible224")}
          value={String(visibleCount(196, ratio))}
          testId={id("visible-count-224")}
        />
      </Controls>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <figure>
          <svg
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            className="w-full max-w-48"
            role="img"
            aria-label={t("inputLabel", { masked: String(masking.masked.length), n: String(n) })}
          >
            {pixels}
            {overlay((m) => (m ? "grey" : null))}
            {grid}
          </svg>
          <figcaption className="text-xs">{t("inputCaption")}</figcaption>
        </figure>
        <figure>
          <svg
            viewBox={`0 0 ${perRow * (PATCH + 1)} ${Math.max(1, Math.ceil(visible / perRow)) * (PATCH + 3)}`}
            className="w-full max-w-48"
            role="img"
            aria-label={t("encoderLabel", { visible: String(visible), positions: masking.visible.map((i) => i + 1).join(", ") })}
          >
            {masking.visible.map((patchIndex, k) => {
              const token = tokens[patchIndex] ?? [];
              const ox = (k % perRow) * (PATCH + 1);
              const oy = Math.floor(k / perRow) * (PATCH + 3);
              return (
                <g key={patchIndex}>
                  {Array.from({ length: PATCH * PATCH }, (_, p) => (
                    <rect
                      key={p}
                      x={ox + (p % PATCH)}
                      y={oy + Math.floor(p / PATCH)}
                      width={1.02}
                      height={1.02}
                      fill={rgb(token.slice(p * 3, p * 3 + 3))}
                    />
                  ))}
                  <text
                    x={ox}
                    y={oy + PATCH + 2.2}
                    fontSize={2}
                    className="fill-slate-600 dark:fill-slate-300"
                  >
                    {patchIndex + 1}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption className="text-xs">{t("encoderCaption", { visible: String(visible) })}</figcaption>
        </figure>
        <figure>
          <svg
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            className="w-full max-w-48"
            role="img"
            aria-label={t("decoderLabel", { masked: String(masking.masked.length) })}
          >
            {pixels}
            {overlay((m) => (m ? null : "dim"))}
            {grid}
          </svg>
          <figcaption className="text-xs">{t("decoderCaption")}</figcaption>
        </figure>
      </div>
      <Controls>
        <Readout
          label={t("baseline")}
          value={fmt(baseline, 4)}
          testId={id("baseline-loss")}
        />
        <Readout
          label={t("encoderShare")}
          value={`${visible} / ${n}`}
          testId={id("encoder-share")}
        />
      </Controls>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headPatch"), t("headRow"), t("headColumn"), t("headState")]}
        rows={masking.mask.map((m, i) => [
          String(i + 1),
          String(Math.floor(i / COLS) + 1),
          String((i % COLS) + 1),
          m === 1 ? t("stateMasked") : t("stateVisible"),
        ])}
      />
    </WidgetFrame>
  );
}
