"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import {
  CellInput,
  Controls,
  NumbersTable,
  Readout,
  Select,
  Slider,
  WidgetFrame,
  useFmt,
} from "../ui";
import { distillationLoss, softmaxAt } from "./core";

const NAME = "distillation";
const id = (part: string) => `widget-${NAME}-${part}`;
const CLASSES = ["cat", "dog", "fox", "car", "plane"] as const;

function Bars({
  label,
  values,
  names,
  testIdPrefix,
  color,
}: {
  label: string;
  values: number[];
  names: readonly string[];
  testIdPrefix: string;
  color: string;
}) {
  const fmt = useFmt();
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium">{label}</p>
      <ul className="space-y-1 text-xs">
        {values.map((p, i) => (
          <li key={i} className="flex items-center gap-2">
            <span className="w-10 shrink-0">{names[i]}</span>
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
  const t = useTranslations("widgets.distillation");
  const fmt = useFmt();
  const names = CLASSES.map((c) => t(`classes.${c}`));
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
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Slider
          label={t("temperature")}
          value={temperature}
          min={1}
          max={20}
          step={0.5}
          onChange={setTemperature}
          testId={id("temperature")}
        />
        <Slider
          label={t("alpha")}
          value={alpha}
          min={0}
          max={1}
          step={0.05}
          onChange={setAlpha}
          testId={id("alpha")}
        />
        <Select
          label={t("label")}
          value={label}
          options={names.map((c, i) => ({ value: i, label: c }))}
          onChange={setLabel}
          testId={id("label")}
        />
      </Controls>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1 text-xs">
          <thead>
            <tr>
              <td />
              {names.map((c) => (
                <th key={c} scope="col" className="font-normal text-slate-500">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["teacher", t("teacherLogits"), teacher, setTeacher],
                ["student", t("studentLogits"), student, setStudent],
              ] as const
            ).map(([row, rowLabel, values, setter]) => (
              <tr key={row}>
                <th scope="row" className="pr-1 text-right font-normal">
                  {rowLabel}
                </th>
                {values.map((v, i) => (
                  <td key={i}>
                    <CellInput
                      label={t("cellLabel", { row: rowLabel, name: names[i] ?? "" })}
                      value={v}
                      onChange={edit(setter, i)}
                      testId={id(`${row}-logit-${i}`)}
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
          label={t("hard")}
          values={oneHot}
          names={names}
          testIdPrefix={id("hard")}
          color="rgb(113,113,122)"
        />
        <Bars
          label={t("teacherAt", { t: "1" })}
          values={teacherHard}
          names={names}
          testIdPrefix={id("teacher-t1")}
          color="rgb(167,139,250)"
        />
        <Bars
          label={t("teacherSoft", { t: String(temperature) })}
          values={result.teacherSoft}
          names={names}
          testIdPrefix={id("teacher-soft")}
          color="rgb(124,58,237)"
        />
        <Bars
          label={t("studentAt", { t: String(temperature) })}
          values={result.studentSoft}
          names={names}
          testIdPrefix={id("student-soft")}
          color="rgb(37,99,235)"
        />
      </div>
      <Controls>
        <Readout
          label={t("loss")}
          value={fmt(result.total, 4)}
          testId={id("loss")}
          emphasis
        />
        <Readout label={t("kl")} value={fmt(result.kl, 4)} testId={id("kl")} />
        <Readout
          label={t("softTerm")}
          value={fmt(alpha * temperature * temperature * result.kl, 4)}
          testId={id("soft-term")}
        />
        <Readout
          label={t("ce")}
          value={fmt(result.crossEntropy, 4)}
          testId={id("ce")}
        />
      </Controls>
      <NumbersTable
        summary={t("tableSummary")}
        head={[
          t("headClass"),
          t("headHard"),
          t("headTeacher", { t: "1" }),
          t("headTeacher", { t: String(temperature) }),
          t("headStudent", { t: String(temperature) }),
          t("headStudent", { t: "1" }),
        ]}
        rows={names.map((c, i) => [
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
