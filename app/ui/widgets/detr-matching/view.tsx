"use client";

import { useMemo, useState } from "react";
import {
  Controls,
  Heatmap,
  NumbersTable,
  Readout,
  SeedField,
  Slider,
  WidgetFrame,
  fmt,
  heat,
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
      title="DETR: matching predictions to objects with the Hungarian algorithm"
    >
      <Controls>
        <Slider
          label="Objects M"
          value={objects}
          min={1}
          max={5}
          step={1}
          onChange={setObjects}
          testId={id("ground-truth")}
        />
        <Slider
          label="Predictions N"
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
          label="λ class"
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
          aria-label={`${objects} objects (solid) and ${n} predictions (dashed); matched pairs share a colour`}
        >
          {scene.targets.map((t, j) => (
            <g key={`t${j}`}>
              <rect
                {...rect(t.box)}
                fill="none"
                stroke={COLORS[j % COLORS.length]}
                strokeWidth={2}
              />
              <text
                x={rect(t.box).x + 2}
                y={rect(t.box).y + 10}
                fontSize={9}
                fill={COLORS[j % COLORS.length]}
              >
                {`GT${j + 1} ${CLASSES[t.label] ?? ""}`}
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
            caption="Matching cost C (rows: predictions, columns: objects); outlined = assignment"
            matrix={cost.total}
            rowLabels={scene.predictions.map((_, i) => `p${i + 1}`)}
            colLabels={scene.targets.map((t, j) => `GT${j + 1} ${CLASSES[t.label] ?? ""}`)}
            testIdPrefix={id("cost")}
            color={(v) => heat(-v, scale)}
            highlight={(i, j) => matchOf.get(j) === i}
          />
          <Controls>
            <Readout
              label="Total matched cost"
              value={fmt(assignment.cost, 3)}
              testId={id("total-cost")}
              emphasis
            />
            <Readout
              label="Predictions → no object (∅)"
              value={String(n - matchedPredictions.size)}
              testId={id("unmatched-count")}
            />
          </Controls>
          <ul className="text-xs">
            {scene.targets.map((t, j) => (
              <li key={j}>
                GT{j + 1} ({CLASSES[t.label]}) ←{" "}
                <span data-testid={id(`match-${j}`)}>p{(matchOf.get(j) ?? -1) + 1}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <NumbersTable
        summary="Show the cost terms for every pair"
        head={["prediction", "object", "−p(class)", "L1", "GIoU", "cost", "matched"]}
        rows={scene.predictions.flatMap((_, i) =>
          scene.targets.map((t, j) => [
            `p${i + 1}`,
            `GT${j + 1} ${CLASSES[t.label] ?? ""}`,
            fmt(cost.cls[i]?.[j] ?? NaN),
            fmt(cost.l1[i]?.[j] ?? NaN),
            fmt(cost.giou[i]?.[j] ?? NaN),
            fmt(cost.total[i]?.[j] ?? NaN),
            matchOf.get(j) === i ? "yes" : "",
          ]),
        )}
      />
    </WidgetFrame>
  );
}
