/**
 * The small kit every widget view is built from, so that all of them get the same labelled,
 * keyboard-operable controls, the same frame, and a readable table of their numbers.
 * Native inputs are used on purpose: range, number, select and checkbox already work with
 * the keyboard and with screen readers, on a phone too.
 */
import { useId, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";

/** One formatter a locale and a number of decimals: building an Intl.NumberFormat is the slow part. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // No grouping: the widgets show maths (10000 steps, 3136 pairs), read like a formula.
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats a number for display in `locale`: fixed decimals, a true minus sign, no "-0.000".
 * English and Chinese write numbers alike; the locale's formatter keeps it right for others.
 */
export function formatNumber(value: number, digits: number, locale: string): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const text = formatterFor(locale, digits).format(value);
  return Number(value.toFixed(digits)) === 0 ? formatterFor(locale, digits).format(0) : text.replace("-", "−");
}

/** `formatNumber` in English (tests and non-React callers). */
export function fmt(value: number, digits = 3): string {
  return formatNumber(value, digits, "en");
}

/** The reader's `fmt`: numbers in the page's locale. */
export function useFmt(): (value: number, digits?: number) => string {
  const locale = useLocale();
  return (value, digits = 3) => formatNumber(value, digits, locale);
}

/**
 * A background colour for a value on a diverging scale: blue above zero, red below, its
 * opacity the magnitude relative to `scale`. Translucent so it reads on light and dark.
 */
export function heat(value: number, scale: number): string {
  const alpha = scale > 0 ? Math.min(1, Math.abs(value) / scale) * 0.75 : 0;
  return value >= 0
    ? `rgba(37, 99, 235, ${alpha.toFixed(3)})`
    : `rgba(220, 38, 38, ${alpha.toFixed(3)})`;
}

/** A sequential scale for values in [0, 1] (probabilities, weights). */
export function shade(value: number): string {
  const alpha = Math.max(0, Math.min(1, value)) * 0.85;
  return `rgba(37, 99, 235, ${alpha.toFixed(3)})`;
}

export function WidgetFrame({
  name,
  title,
  children,
}: {
  name: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={`widget-${name}`}
      aria-label={title}
      className="w-full space-y-4 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-900 sm:p-4 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-100"
    >
      <h3 className="text-base font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** A row of controls that wraps on a phone. */
export function Controls({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-end gap-x-5 gap-y-3">{children}</div>;
}

const fieldClass = "flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300";
const inputClass =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:outline-2 focus:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

export function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  testId,
  display,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  testId: string;
  /** How the current value is shown beside the label (defaults to the number). */
  display?: string;
}) {
  const id = useId();
  return (
    <div className={fieldClass}>
      <label htmlFor={id}>
        {label}: <output htmlFor={id}>{display ?? String(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        aria-valuetext={display}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
        className="w-40 accent-blue-600 sm:w-48"
      />
    </div>
  );
}

/**
 * A number field that lets the user pass through invalid text ("", "-", "1e") while
 * typing, and reports only finite numbers, clamped to [min, max].
 */
export function NumberField({
  label,
  value,
  onChange,
  testId,
  min,
  max,
  step = 1,
  width = "w-20",
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  testId: string;
  min?: number;
  max?: number;
  step?: number;
  width?: string;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Adopt a value changed from outside (a reset, a new size) without an effect.
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <div className={fieldClass}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        data-testid={testId}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const parsed = Number(next);
          if (next.trim() === "" || !Number.isFinite(parsed)) return;
          const clamped = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, parsed));
          setShown(clamped);
          onChange(clamped);
        }}
        className={`${inputClass} ${width}`}
      />
    </div>
  );
}

/** A compact number cell for editable grids: its label is for screen readers only. */
export function CellInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <input
      type="number"
      inputMode="decimal"
      step="any"
      aria-label={label}
      value={text}
      data-testid={testId}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = Number(next);
        if (next.trim() === "" || !Number.isFinite(parsed)) return;
        setShown(parsed);
        onChange(parsed);
      }}
      className={`${inputClass} w-16 text-right tabular-nums`}
    />
  );
}

export function Select<T extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className={fieldClass}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        data-testid={testId}
        onChange={(event) => {
          const picked = options.find(
            (option) => String(option.value) === event.currentTarget.value,
          );
          if (picked) onChange(picked.value);
        }}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Toggle({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-xs font-medium text-slate-700 dark:text-slate-300">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
        className="h-4 w-4 accent-blue-600"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A headline number: label and value, the value carrying the test id. */
export function Readout({
  label,
  value,
  testId,
  emphasis = false,
}: {
  label: string;
  value: string;
  testId: string;
  emphasis?: boolean;
}) {
  return (
    <div className="flex flex-col">
      <span className="text-xs text-slate-600 dark:text-slate-400">{label}</span>
      <output
        data-testid={testId}
        aria-live="polite"
        className={`tabular-nums ${emphasis ? "text-lg font-semibold" : "font-medium"}`}
      >
        {value}
      </output>
    </div>
  );
}

/** The numbers behind a picture, as a table a screen reader (or a curious reader) can use. */
export function NumbersTable({
  summary,
  head,
  rows,
  testId,
}: {
  summary: string;
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  testId?: string;
}) {
  const fmt = useFmt();
  return (
    <details
      className="rounded border border-slate-200 p-2 dark:border-slate-700"
      data-testid={testId}
    >
      <summary className="cursor-pointer text-xs font-medium text-slate-700 dark:text-slate-300">
        {summary}
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-max border-collapse text-xs tabular-nums">
          <thead>
            <tr>
              {head.map((cell, index) => (
                <th
                  key={index}
                  scope="col"
                  className="border border-slate-200 px-2 py-1 text-left dark:border-slate-700"
                >
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} className="border border-slate-200 px-2 py-1 dark:border-slate-700">
                    {typeof cell === "number" ? fmt(cell) : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The message a view shows when its inputs cannot be computed (instead of a broken picture). */
export function InputProblem({ message, testId }: { message: string; testId: string }) {
  return (
    <p
      role="alert"
      data-testid={testId}
      className="rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      {message}
    </p>
  );
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  width = "w-64",
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  width?: string;
}) {
  const id = useId();
  return (
    <div className={fieldClass}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.value)}
        className={`${inputClass} ${width} max-w-full`}
      />
    </div>
  );
}

/** A seed field: any randomness in a widget comes from this number, shown and editable. */
export function SeedField({
  value,
  onChange,
  testId,
}: {
  value: number;
  onChange: (seed: number) => void;
  testId: string;
}) {
  const t = useTranslations("widgets.common");
  return (
    <NumberField
      label={t("seed")}
      value={value}
      onChange={(seed) => onChange(Math.round(seed))}
      testId={testId}
      min={0}
      max={999999}
    />
  );
}

/**
 * A matrix drawn as a table of coloured cells, each showing its number, so the picture
 * and its text are the same element (nothing to keep in sync for screen readers).
 */
export function Heatmap({
  caption,
  matrix,
  rowLabels,
  colLabels,
  testIdPrefix,
  color = shade,
  digits = 2,
  highlight,
  blank,
}: {
  caption: string;
  matrix: readonly (readonly number[])[];
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Each cell gets data-testid `${testIdPrefix}-${row}-${col}`. */
  testIdPrefix: string;
  color?: (value: number) => string;
  digits?: number;
  /** Cells drawn with a thick outline (an assignment, a selected row). */
  highlight?: (row: number, col: number) => boolean;
  /** Cells shown as masked (hatched, value still readable). */
  blank?: (row: number, col: number) => boolean;
}) {
  const fmt = useFmt();
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-xs tabular-nums">
        <caption className="mb-1 text-left text-xs font-medium">{caption}</caption>
        <thead>
          <tr>
            <td />
            {colLabels.map((label, c) => (
              <th key={c} scope="col" className="max-w-16 truncate px-1 font-normal text-slate-500">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, r) => (
            <tr key={r}>
              <th
                scope="row"
                className="max-w-24 truncate pr-1 text-right font-normal text-slate-500"
              >
                {rowLabels[r]}
              </th>
              {row.map((value, c) => {
                const masked = blank?.(r, c) ?? false;
                return (
                  <td
                    key={c}
                    data-testid={`${testIdPrefix}-${r}-${c}`}
                    className={`h-8 min-w-10 border px-1 text-center ${
                      highlight?.(r, c)
                        ? "border-2 border-amber-500 font-semibold"
                        : "border-slate-200 dark:border-slate-700"
                    } ${masked ? "text-slate-400 dark:text-slate-500" : ""}`}
                    style={{
                      background: masked
                        ? "repeating-linear-gradient(45deg, rgba(113,113,122,0.15) 0 4px, transparent 4px 8px)"
                        : color(value),
                    }}
                  >
                    {fmt(value, digits)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
