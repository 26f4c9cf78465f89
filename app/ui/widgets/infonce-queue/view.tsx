"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Controls, NumbersTable, Readout, SeedField, Slider, WidgetFrame, useFmt } from "../ui";
import { infoNce, toyContrastiveBatch } from "./core";

const NAME = "infonce-queue";
const id = (part: string) => `widget-${NAME}-${part}`;

export default function InfoNceQueueView() {
  const t = useTranslations("widgets.infonce-queue");
  const fmt = useFmt();
  const [temperature, setTemperature] = useState(0.07);
  const [negatives, setNegatives] = useState(16);
  const [noise, setNoise] = useState(0.6);
  const [seed, setSeed] = useState(1);

  const batch = useMemo(
    () => toyContrastiveBatch(seed, negatives, noise),
    [seed, negatives, noise],
  );
  const result = useMemo(
    () => infoNce(batch.query, batch.positive, batch.negatives, temperature),
    [batch, temperature],
  );
  const similarities = result.logits.map((l) => l * temperature);
  const width = 300;
  const height = 120;
  const bar = width / result.probs.length;

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("temperature")}
          value={temperature}
          min={0.01}
          max={1}
          step={0.01}
          onChange={setTemperature}
          testId={id("temperature")}
        />
        <Slider
          label={t("negatives")}
          value={negatives}
          min={1}
          max={64}
          step={1}
          onChange={setNegatives}
          testId={id("negatives")}
        />
        <Slider
          label={t("noise")}
          value={noise}
          min={0}
          max={2}
          step={0.1}
          onChange={setNoise}
          testId={id("noise")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
      </Controls>
      <Controls>
        <Readout label={t("loss")} value={fmt(result.loss, 4)} testId={id("loss")} emphasis />
        <Readout
          label="p(k₊)"
          value={fmt(result.probs[0] ?? NaN, 4)}
          testId={id("positive-prob")}
        />
        <Readout
          label="q·k₊"
          value={fmt(similarities[0] ?? NaN)}
          testId={id("positive-similarity")}
        />
        <Readout
          label={t("chance")}
          value={fmt(Math.log(negatives + 1), 4)}
          testId={id("chance-loss")}
        />
      </Controls>
      <svg
        viewBox={`0 0 ${width} ${height + 14}`}
        className="h-auto w-full max-w-xl"
        role="img"
        aria-label={t("chartLabel", { negatives: String(negatives), percent: fmt((result.probs[0] ?? 0) * 100, 1) })}
      >
        <line
          x1={0}
          x2={width}
          y1={height}
          y2={height}
          className="stroke-slate-400"
          strokeWidth={0.5}
        />
        {result.probs.map((p, i) => (
          <rect
            key={i}
            x={i * bar + bar * 0.1}
            y={height - p * height}
            width={bar * 0.8}
            height={p * height}
            className={i === 0 ? "fill-emerald-500" : "fill-slate-400 dark:fill-slate-500"}
          />
        ))}
        <text x={2} y={height + 11} fontSize={9} className="fill-emerald-700 dark:fill-emerald-400">
          k₊
        </text>
        <text
          x={width - 2}
          y={height + 11}
          fontSize={9}
          textAnchor="end"
          className="fill-slate-600 dark:fill-slate-300"
        >
          {t("negativesAxis", { negatives: String(negatives) })}
        </text>
      </svg>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headKey"), "q·k", "logit q·k/τ", "softmax"]}
        rows={result.logits.map((l, i) => [
          i === 0 ? t("positive") : t("negative", { index: String(i) }),
          fmt(similarities[i] ?? NaN),
          fmt(l),
          fmt(result.probs[i] ?? NaN, 4),
        ])}
      />
    </WidgetFrame>
  );
}
