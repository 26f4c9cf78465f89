"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Slider,
  WidgetFrame,
  heat,
  useFmt,
} from "../ui";
import { hungarian, matchingCost, toyScene, type Box } from "./core";

const NAME = "detr-matching";
const id = (part: string) => `widget-${NAME}-${part}`;
const CLASSES = ["cat", "dog", "bird"] as const;
const COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed"] as const;
const SIDE = 200;

const rect = ([cx, cy, w, h]: Box) => ({
  x: (cx - w / 2) * SIDE,
  y: (cy - h / 2) * SIDE,
  width: w * SIDE,
  height: h * SIDE,
});

export default function DetrMatchingView() {
  const t = useTranslations("widgets.detr-matching");
  const fmt = useFmt();
  const className = (label: number) => {
    const c = CLASSES[label];
    return c ? t(`classes.${c}`) : "";
  };
  const [seed, setSeed] = useState(1);
  const [objects, setObjects] = useState(3);
  const [predictionCount, setPredictionCount] = useState(5);
  const [wCls, setWCls] = useState(1);
  const [wL1, setWL1] = useState(5);
  const [wGiou, setWGiou] = useState(2);

  const n = Math.max(predictionCount, objects);
  const scene = useMemo(() => toyScene(seed, n, objects, CLASSES.length), [seed, n, objects]);
  const cost = useMemo(
    () => matchingCost(scene.predictions, scene.targets, { cls: wCls, l1: wL1, giou: wGiou }),
    [scene, wCls, wL1, wGiou],
  );
  const assignment = useMemo(() => hungarian(cost.total), [cost]);
  const matchOf = new Map(assignment.pairs.map(([i, j]) => [j, i]));
  const matchedPredictions = new Set(assignment.pairs.map(([i]) => i));
  const scale = Math.max(...cost.total.flat().map(Math.abs), 1);

  return (
    <WidgetFrame
      name={NAME}
      title={t("title")}
    >
      <Controls>
        <Slider
          label={t("objects")}
          value={objects}
          min={1}
          max={5}
          step={1}
          onChange={setObjects}
          testId={id("ground-truth")}
        />
        <Slider
          label={t("predictions")}
          value={n}
          min={objects}
          max={8}
          step={1}
          onChange={setPredictionCount}
          testId={id("predictions")}
        />
        <SeedField value={seed} onChange={setSeed} testId={id("seed")} />
      </Controls>
      <Controls>
        <Slider
          label={t("weightClass")}
          value={wCls}
          min={0}
          max={5}
          step={0.5}
          onChange={setWCls}
          testId={id("weight-class")}
        />
        <Slider
          label="λ L1"
          value={wL1}
          min={0}
          max={10}
          step={0.5}
          onChange={setWL1}
          testId={id("weight-l1")}
        />
        <Slider
          label="λ GIoU"
          value={wGiou}
          min={0}
          max={5}
          step={0.5}
          onChange={setWGiou}
          testId={id("weight-giou")}
        />
      </Controls>
      <div className="grid gap-4 md:grid-cols-2">
        <svg
          viewBox={`0 0 ${SIDE} ${SIDE}`}
          className="h-auto w-full max-w-xs rounded bg-slate-100 dark:bg-slate-800"
          role="img"
          aria-label={t("sceneLabel", { objects: String(objects), predictions: String(n) })}
        >
          {scene.targets.map((target, j) => (
            <g key={`t${j}`}>
              <rect
                {...rect(target.box)}
                fill="none"
                stroke={COLORS[j % COLORS.length]}
                strokeWidth={2}
              />
              <text
                x={rect(target.box).x + 2}
                y={rect(target.box).y + 10}
                fontSize={9}
                fill={COLORS[j % COLORS.length]}
              >
                {`GT${j + 1} ${className(target.label)}`}
              </text>
            </g>
          ))}
          {scene.predictions.map((p, i) => {
            const j = assignment.pairs.find(([pi]) => pi === i)?.[1];
            const color = j === undefined ? "#71717a" : COLORS[j % COLORS.length];
            const r = rect(p.box);
            return (
              <g key={`p${i}`}>
                <rect
                  {...r}
                  fill="none"
                  stroke={color}
                  strokeWidth={1}
                  strokeDasharray="4 3"
                  opacity={j === undefined ? 0.6 : 1}
                />
                <text
                  x={r.x + r.width - 2}
                  y={r.y + r.height - 3}
                  fontSize={8}
                  textAnchor="end"
                  fill={color}
                >
                  {`p${i + 1}`}
                </text>
              </g>
            );
          })}
        </svg>
        <div className="space-y-3">
          <Heatmap
            caption={t("costCaption")}
            matrix={cost.total}
            rowLabels={scene.predictions.map((_, i) => `p${i + 1}`)}
            colLabels={scene.targets.map((target, j) => `GT${j + 1} ${className(target.label)}`)}
            testIdPrefix={id("cost")}
            color={(v) => heat(-v, scale)}
            highlight={(i, j) => matchOf.get(j) === i}
          />
          <Controls>
            <Readout
              label={t("totalCost")}
              value={fmt(assignment.cost, 3)}
              testId={id("total-cost")}
              emphasis
            />
            <Readout
              label={t("unmatched")}
              value={String(n - matchedPredictions.size)}
              testId={id("unmatched-count")}
            />
          </Controls>
          <ul className="text-xs">
            {scene.targets.map((target, j) => (
              <li key={j}>
                GT{j + 1} ({className(target.label)}) ←{" "}
                <span data-testid={id(`match-${j}`)}>p{(matchOf.get(j) ?? -1) + 1}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <NumbersTable
        summary={t("tableSummary")}
        head={[t("headPrediction"), t("headObject"), t("headClass"), "L1", "GIoU", t("headCost"), t("headMatched")]}
        rows={scene.predictions.flatMap((_, i) =>
          scene.targets.map((target, j) => [
            `p${i + 1}`,
            `GT${j + 1} ${className(target.label)}`,
            fmt(cost.cls[i]?.[j] ?? NaN),
            fmt(cost.l1[i]?.[j] ?? NaN),
            fmt(cost.giou[i]?.[j] ?? NaN),
            fmt(cost.total[i]?.[j] ?? NaN),
            matchOf.get(j) === i ? t("yes") : "",
          ]),
        )}
      />
    </WidgetFrame>
  );
}
