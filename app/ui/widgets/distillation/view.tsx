"use client";

import { useMemo, useState } from "react";
import {
  CellInput,
  Controls,
  NumbersTable,
  Readout,
  Select,
  Slider,
  WidgetFrame,
  fmt,
} from "../ui";
import { distillationLoss, softmaxAt } from "./core";

const NAME = "distillation";
const id = (part: string) => `widget-${NAME}-${part}`;
const CLASSES = ["cat", "dog", "fox", "car", "plane"] as const;

function Bars({
  label,
  values,
  testIdPrefix,
  color,
}: {
  label: string;
  values: number[];
  testIdPrefix: string;
  color: string;
}) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium">{label}</p>
      <ul className="space-y-1 text-xs">
        {values.map((p, i) => (
          <li key={i} className="flex items-center gap-2">
            <span className="w-10 shrink-0">{CLASSES[i]}</span>
            <span
              className="h-3 rounded"
              style={{ width: `${Math.max(0.5, p * 100)}%`, maxWidth: "7rem", background: color }}
              aria-hidden
            />
            <span className="tabular-nums" data-testid={`${testIdPrefix}-${i}`}>
              {fmt(p, 3)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function DistillationView() {
  const [teacher, setTeacher] = useState([6, 4, 3, -1, -2]);
  const [student, setStudent] = useState([3, 1, 2, 0.5, 0]);
  const [label, setLabel] = useState(0);
  const [temperature, setTemperature] = useState(4);
  const [alpha, setAlpha] = useState(0.7);

  const result = useMemo(
    () => distillationLoss({ student, teacher, label, temperature, alpha }),
    [student, teacher, label, temperature, alpha],
  );
  const teacherHard = useMemo(() => softmaxAt(teacher, 1), [teacher]);
  const oneHot = CLASSES.map((_, i) => (i === label ? 1 : 0));
  const edit = (setter: typeof setTeacher, i: number) => (value: number) =>
    setter((old) => old.map((v, j) => (j === i ? value : v)));

  return (
    <WidgetFrame name={NAME} title="Distillation: soft targets at temperature T">
      <Controls>
        <Slider
          label="Temperature T"
          value={temperature}
          min={1}
          max={20}
          step={0.5}
          onChange={setTemperature}
          testId={id("temperature")}
        />
        <Slider
          label="α (weight of the soft term)"
          value={alpha}
          min={0}
          max={1}
          step={0.05}
          onChange={setAlpha}
          testId={id("alpha")}
        />
        <Select
          label="True class y"
          value={label}
          options={CLASSES.map((c, i) => ({ value: i, label: c }))}
          onChange={setLabel}
          testId={id("label")}
        />
      </Controls>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1 text-xs">
          <thead>
            <tr>
              <td />
              {CLASSES.map((c) => (
                <th key={c} scope="col" className="font-normal text-slate-500">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["teacher logits", teacher, setTeacher],
                ["student logits", student, setStudent],
              ] as const
            ).map(([rowLabel, values, setter]) => (
              <tr key={rowLabel}>
                <th scope="row" className="pr-1 text-right font-normal">
                  {rowLabel}
                </th>
                {values.map((v, i) => (
                  <td key={i}>
                    <CellInput
                      label={`${rowLabel}, ${CLASSES[i]}`}
                      value={v}
                      onChange={edit(setter, i)}
                      testId={id(`${rowLabel.split(" ")[0]}-logit-${i}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Bars
          label="Hard target (one-hot y)"
          values={oneHot}
          testIdPrefix={id("hard")}
          color="rgb(113,113,122)"
        />
        <Bars
          label="Teacher at T = 1"
          values={teacherHard}
          testIdPrefix={id("teacher-t1")}
          color="rgb(167,139,250)"
        />
        <Bars
          label={`Teacher soft targets at T = ${temperature}`}
          values={result.teacherSoft}
          testIdPrefix={id("teacher-soft")}
          color="rgb(124,58,237)"
        />
        <Bars
          label={`Student at T = ${temperature}`}
          values={result.studentSoft}
          testIdPrefix={id("student-soft")}
          color="rgb(37,99,235)"
        />
      </div>
      <Controls>
        <Readout
          label="Loss α·T²·KL + (1−α)·CE"
          value={fmt(result.total, 4)}
          testId={id("loss")}
          emphasis
        />
        <Readout label="KL(teacher ‖ student) at T" value={fmt(result.kl, 4)} testId={id("kl")} />
        <Readout
          label="Soft term α·T²·KL"
          value={fmt(alpha * temperature * temperature * result.kl, 4)}
          testId={id("soft-term")}
        />
        <Readout
          label="CE with the hard label"
          value={fmt(result.crossEntropy, 4)}
          testId={id("ce")}
        />
      </Controls>
      <NumbersTable
        summary="Show the probabilities as a table"
        head={[
          "class",
          "hard target",
          "teacher T=1",
          `teacher T=${temperature}`,
          `student T=${temperature}`,
          "student T=1",
        ]}
        rows={CLASSES.map((c, i) => [
          c,
          String(oneHot[i]),
          fmt(teacherHard[i] ?? NaN),
          fmt(result.teacherSoft[i] ?? NaN),
          fmt(result.studentSoft[i] ?? NaN),
          fmt(result.studentHard[i] ?? NaN),
        ])}
      />
    </WidgetFrame>
  );
}
