"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  Slider,
  WidgetFrame,
  heat,
  useFmt,
} from "../ui";
import { INITIAL_LOG_SCALE, clipLoss, logitScale, toyClipBatch, zeroShot } from "./core";

const NAME = "clip-similarity";
const id = (part: string) => `widget-${NAME}-${part}`;
const CLASSES = ["dog", "cat", "car", "tree", "boat", "bird", "cake", "house"] as const;

export default function ClipSimilarityView() {
  const t = useTranslations("widgets.clip-similarity");
  const fmt = useFmt();
  const [n, setN] = useState(4);
  const [noise, setNoise] = useState(2.5);
  const [logTemperature, setLogTemperature] = useState(Number(INITIAL_LOG_SCALE.toFixed(2)));
  const [seed, setSeed] = useState(1);
  const [picked, setPicked] = useState(0);

  const scale = logitScale(logTemperature);
  const batch = useMemo(() => toyClipBatch(seed, n, noise), [seed, n, noise]);
  const result = useMemo(() => clipLoss(batch.images, batch.texts, scale), [batch, scale]);
  const image = Math.min(picked, n - 1);
  // The texts of the batch double as the class prompts "a photo of a {class}".
  const predictions = useMemo(
    () => batch.images.map((img) => zeroShot(img, batch.texts, scale)),
    [batch, scale],
  );
  const probs = predictions[image] ?? [];
  const best = probs.indexOf(Math.max(...probs));
  const correct = predictions.filter((p, i) => p.indexOf(Math.max(...p)) === i).length;
  const names = CLASSES.slice(0, n).map((c) => t(`classes.${c}`));

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("pairs")}
          value={n}
          min={2}
          max={8}
          step={1}
          onChange={setN}
          testId={id("n")}
        />
        <Slider
          label={t("noise")}
          value={noise}
          min={0}
          max={5}
          step={0.1}
          onChange={setNoise}
          testId={id("noise")}
        />
        <Slider
          label={t("logScale")}
          value={logTemperature}
          min={0}
          max={5}
          step={0.01}
          display={`${fmt(logTemperature, 2)} (s = ${fmt(scale, 1)}, τ = ${fmt(1 / scale, 3)})`}
          onChange={setLogTemperature}
          testId={id("log-temperature")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
      </Controls>
      <div className="grid gap-4 md:grid-cols-2">
        <Heatmap
          caption={t("logitsCaption")}
          matrix={result.logits}
          rowLabels={names.map((c) => t("imageRow", { name: c }))}
          colLabels={names.map((c) => `“${c}”`)}
          testIdPrefix={id("logit")}
          color={(v) => heat(v, scale)}
          digits={1}
          highlight={(r, c) => r === c}
        />
        <div className="space-y-3">
          <Controls>
            <Readout
              label={t("loss")}
              value={fmt(result.loss, 4)}
              testId={id("loss")}
              emphasis
            />
            <Readout
              label={t("imageToText")}
              value={fmt(result.imageToText, 4)}
              testId={id("loss-image-to-text")}
            />
            <Readout
              label={t("textToImage")}
              value={fmt(result.textToImage, 4)}
              testId={id("loss-text-to-image")}
            />
            <Readout label={t("chance")} value={fmt(Math.log(n), 4)} testId={id("chance-loss")} />
          </Controls>
          <Controls>
            <Select
              label={t("zeroShotImage")}
              value={image}
              options={names.map((c, i) => ({ value: i, label: t("imageOf", { name: c }) }))}
              onChange={setPicked}
              testId={id("zero-shot-image")}
            />
            <Readout
              label={t("predicted")}
              value={names[best] ?? "—"}
              testId={id("zero-shot-prediction")}
              emphasis
            />
            <Readout
              label={t("accuracy")}
              value={`${correct} / ${n}`}
              testId={id("zero-shot-accuracy")}
            />
          </Controls>
          <ul className="space-y-1 text-xs">
            {probs.map((p, c) => (
              <li key={c} className="flex items-center gap-2">
                <span className="w-36 shrink-0 truncate">{t("prompt", { name: names[c] ?? "" })}</span>
                <span
                  className="h-3 rounded bg-blue-500"
                  style={{ width: `${Math.max(1, p * 100)}%`, maxWidth: "8rem" }}
                  aria-hidden
                />
                <span className="tabular-nums">{fmt(p * 100, 1)}%</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headImage"), ...names.map((c) => `“${c}”`)]}
        rows={predictions.map((p, i) => [t("imageRow", { name: names[i] ?? "" }), ...p.map((v) => fmt(v, 3))])}
      />
    </WidgetFrame>
  );
}
