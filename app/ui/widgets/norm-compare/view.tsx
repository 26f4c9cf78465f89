"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { WidgetInputError } from "../errors";
import {
  CellInput,
  Controls,
  InputProblem,
  NumbersTable,
  Select,
  WidgetFrame,
  heat,
  useFmt,
} from "../ui";
import { batchNorm, layerNorm, type NormResult } from "./core";

type Outcome = { ok: true; bn: NormResult; ln: NormResult } | { ok: false };

const NAME = "norm-compare";
const id = (part: string) => `widget-${NAME}-${part}`;

// Features on very different scales, so that the two normalisations visibly disagree.
const START: number[][] = [
  [1, 10, 100],
  [2, 20, 50],
  [3, 15, 80],
  [4, 5, 120],
];

const SIZES = [1, 2, 3, 4, 5, 6].map((n) => ({ value: n, label: String(n) }));
const EPSILONS = [1e-5, 1e-3, 0.1, 1].map((e) => ({ value: e, label: String(e) }));

/** Grows or shrinks the grid, keeping the cells the user already typed. */
function resize(grid: number[][], rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => grid[r]?.[c] ?? (r + 1) * (c + 2)),
  );
}

export default function NormCompareView() {
  const t = useTranslations("widgets.norm-compare");
  const common = useTranslations("widgets.common");
  const fmt = useFmt();
  const [grid, setGrid] = useState(START);
  const [epsilon, setEpsilon] = useState(1e-5);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;

  const result = useMemo((): Outcome => {
    try {
      return { ok: true, bn: batchNorm(grid, epsilon), ln: layerNorm(grid, epsilon) };
    } catch (error) {
      // The grid's controls cannot produce an invalid input; should one slip through, the
      // reader gets a sentence in their language (the core's English message is for developers).
      if (error instanceof WidgetInputError) return { ok: false };
      throw error;
    }
  }, [grid, epsilon]);

  const setCell = (r: number, c: number, value: number) =>
    setGrid((old) =>
      old.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row)),
    );

  return (
    <WidgetFrame name={NAME} title={t("title")}>
      <Controls>
        <Select
          label={t("batchSize")}
          value={rows}
          options={SIZES}
          testId={id("batch-size")}
          onChange={(n) => setGrid((g) => resize(g, n, cols))}
        />
        <Select
          label={t("features")}
          value={cols}
          options={SIZES.slice(1)}
          testId={id("feature-count")}
          onChange={(n) => setGrid((g) => resize(g, rows, n))}
        />
        <Select
          label="ε"
          value={epsilon}
          options={EPSILONS}
          testId={id("epsilon")}
          onChange={setEpsilon}
        />
      </Controls>

      <div className="overflow-x-auto">
        <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
          {t("input")}
        </p>
        <table className="border-separate border-spacing-1">
          <tbody>
            {grid.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="pr-1 text-right text-xs font-normal text-slate-500">
                  {t("exampleRow", { row: String(r + 1) })}
                </th>
                {row.map((value, c) => (
                  <td key={c}>
                    <CellInput
                      label={t("cellLabel", { row: String(r + 1), column: String(c + 1) })}
                      value={value}
                      testId={id(`input-${r}-${c}`)}
                      onChange={(v) => setCell(r, c, v)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {!result.ok ? (
        <InputProblem message={common("problem")} testId={id("problem")} />
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <OutputGrid
              title={t("bnTitle")}
              values={result.bn.normalized}
              prefix="bn"
              footer={{ mean: result.bn.mean, variance: result.bn.variance }}
            />
            <OutputGrid
              title={t("lnTitle")}
              values={result.ln.normalized}
              prefix="ln"
              side={{ mean: result.ln.mean, variance: result.ln.variance }}
            />
          </div>
          {rows === 1 && (
            <p className="text-xs text-amber-800 dark:text-amber-300">
              {t("batchOfOne")}
            </p>
          )}
          <NumbersTable
            summary={t("tableSummary")}
            head={[t("headCell"), "x", t("headBn"), t("headLn")]}
            rows={grid.flatMap((row, r) =>
              row.map((x, c) => [
                t("cellName", { row: String(r + 1), column: String(c + 1) }),
                fmt(x),
                fmt(result.bn.normalized[r]?.[c] ?? NaN),
                fmt(result.ln.normalized[r]?.[c] ?? NaN),
              ]),
            )}
          />
        </>
      )}
    </WidgetFrame>
  );
}

function OutputGrid({
  title,
  values,
  prefix,
  footer,
  side,
}: {
  title: string;
  values: number[][];
  prefix: "bn" | "ln";
  footer?: { mean: number[]; variance: number[] };
  side?: { mean: number[]; variance: number[] };
}) {
  const fmt = useFmt();
  const cell = "px-1.5 py-1 text-right tabular-nums text-xs";
  return (
    <div className="overflow-x-auto">
      <p className="mb-1 text-xs font-medium">{title}</p>
      <table className="border-collapse">
        <thead>
          <tr>
            <td />
            {values[0]?.map((_, c) => (
              <th key={c} scope="col" className="px-1.5 text-xs font-normal text-slate-500">
                f{c + 1}
              </th>
            ))}
            {side && (
              <>
                <th scope="col" className="px-1.5 text-xs font-normal text-slate-500">
                  μ
                </th>
                <th scope="col" className="px-1.5 text-xs font-normal text-slate-500">
                  σ²
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {values.map((row, r) => (
            <tr key={r}>
              <th scope="row" className="pr-1 text-xs font-normal text-slate-500">
                x{r + 1}
              </th>
              {row.map((v, c) => (
                <td
                  key={c}
                  className={cell}
                  style={{ background: heat(v, 2) }}
                  data-testid={`widget-${NAME}-${prefix}-${r}-${c}`}
                >
                  {fmt(v, 2)}
                </td>
              ))}
              {side && (
                <>
                  <td
                    className={`${cell} font-medium`}
                    data-testid={`widget-${NAME}-${prefix}-mean-${r}`}
                  >
                    {fmt(side.mean[r] ?? NaN, 2)}
                  </td>
                  <td
                    className={`${cell} font-medium`}
                    data-testid={`widget-${NAME}-${prefix}-var-${r}`}
                  >
                    {fmt(side.variance[r] ?? NaN, 2)}
                  </td>
                </>
              )}
            </tr>
          ))}
          {footer && (
            <>
              <tr>
                <th scope="row" className="pr-1 text-xs font-normal text-slate-500">
                  μ
                </th>
                {footer.mean.map((m, c) => (
                  <td
                    key={c}
                    className={`${cell} font-medium`}
                    data-testid={`widget-${NAME}-${prefix}-mean-${c}`}
                  >
                    {fmt(m, 2)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className="pr-1 text-xs font-normal text-slate-500">
                  σ²
                </th>
                {footer.variance.map((v, c) => (
                  <td
                    key={c}
                    className={`${cell} font-medium`}
                    data-testid={`widget-${NAME}-${prefix}-var-${c}`}
                  >
                    {fmt(v, 2)}
                  </td>
                ))}
              </tr>
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}
