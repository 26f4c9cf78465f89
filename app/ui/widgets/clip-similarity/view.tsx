"use client";

import { useMemo, useState } from "react";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Select,
  Slider,
  WidgetFrame,
  fmt,
  heat,
} from "../ui";
import { INITIAL_LOG_SCALE, clipLoss, logitScale, toyClipBatch, zeroShot } from "./core";

const NAME = "clip-similarity";
const id = (part: string) => `widget-${NAME}-${part}`;
const CLASSES = ["dog", "cat", "car", "tree", "boat", "bird", "cake", "house"] as const;

export default function ClipSimilarityView() {
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
  const names = CLASSES.slice(0, n);

  return (
    <WidgetFrame name={NAME} title="CLIP: image–text similarities and the symmetric loss">
      <Controls>
        <Slider
          label="Pairs in the batch N"
          value={n}
          min={2}
          max={8}
          step={1}
          onChange={setN}
          testId={id("n")}
        />
        <Slider
          label="Misalignment (text noise)"
          value={noise}
          min={0}
          max={5}
          step={0.1}
          onChange={setNoise}
          testId={id("noise")}
        />
        <Slider
          label="Learned log-scale t"
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
          caption="Logits s · I_i · T_j (diagonal = matching pairs)"
          matrix={result.logits}
          rowLabels={names.map((c) => `image: ${c}`)}
          colLabels={names.map((c) => `“${c}”`)}
          testIdPrefix={id("logit")}
          color={(v) => heat(v, scale)}
          digits={1}
          highlight={(r, c) => r === c}
        />
        <div className="space-y-3">
          <Controls>
            <Readout
              label="Symmetric loss"
              value={fmt(result.loss, 4)}
              testId={id("loss")}
              emphasis
            />
            <Readout
              label="image → text CE"
              value={fmt(result.imageToText, 4)}
              testId={id("loss-image-to-text")}
            />
            <Readout
              label="text → image CE"
              value={fmt(result.textToImage, 4)}
              testId={id("loss-text-to-image")}
            />
            <Readout label="Chance log N" value={fmt(Math.log(n), 4)} testId={id("chance-loss")} />
          </Controls>
          <Controls>
            <Select
              label="Zero-shot: classify image"
              value={image}
              options={names.map((c, i) => ({ value: i, label: `image of a ${c}` }))}
              onChange={setPicked}
              testId={id("zero-shot-image")}
            />
            <Readout
              label="Predicted class"
              value={names[best] ?? "—"}
              testId={id("zero-shot-prediction")}
              emphasis
            />
            <Readout
              label="Zero-shot accuracy"
              value={`${correct} / ${n}`}
              testId={id("zero-shot-accuracy")}
            />
          </Controls>
          <ul className="space-y-1 text-xs">
            {probs.map((p, c) => (
              <li key={c} className="flex items-center gap-2">
                <span className="w-36 shrink-0 truncate">“a photo of a {names[c]}”</span>
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
        summary="Show the zero-shot probabilities of every image"
        head={["image", ...names.map((c) => `“${c}”`)]}
        rows={predictions.map((p, i) => [`image: ${names[i] ?? ""}`, ...p.map((v) => fmt(v, 3))])}
      />
    </WidgetFrame>
  );
}
