"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { BreakPreview } from "@/app/lib/server/data/after-break";
import { applyBreakReschedule } from "@/app/lib/server/actions/apply-break";
import { previewBreakReschedule } from "@/app/lib/server/actions/preview-break";

type Kind = "postpone" | "advance";

const KINDS: { kind: Kind }[] = [{ kind: "postpone" }, { kind: "advance" }];

const sum = (days: { count: number }[], from: number, to: number) => days.slice(from, to).reduce((s, d) => s + d.count, 0);

/**
 * "After a break": postpone or advance review cards (the FSRS Helper's postpone / advance),
 * previewed first (how many move, today and the next week before and after), then applied.
 */
export function AfterBreakPanel() {
  const id = useId();
  const t = useTranslations("afterBreak");
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("postpone");
  const [limit, setLimit] = useState("50");
  const [floor, setFloor] = useState("0.85");
  const [preview, setPreview] = useState<BreakPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const request = () => ({ kind, limit: Number(limit), ...(kind === "postpone" ? { floor: Number(floor) } : {}) });
  const reset = () => {
    setPreview(null);
    setMessage(null);
    setError(null);
  };

  const onPreview = () =>
    startTransition(async () => {
      reset();
      const result = await previewBreakReschedule(request()).catch(() => null);
      if (!result) return setError(t("previewFailed"));
      if (!result.ok) return setError(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error);
      setPreview(result.data);
    });

  const onApply = () =>
    startTransition(async () => {
      const result = await applyBreakReschedule(request()).catch(() => null);
      if (!result) return setError(t("moveFailed"));
      if (!result.ok) return setError(result.error);
      setPreview(null);
      setMessage(t("moved", { count: result.data.moved }));
      router.refresh();
    });

  return (
    <div className="space-y-3" data-testid="after-break">
      <fieldset className="flex flex-wrap gap-4" disabled={pending}>
        <legend className="sr-only">{t("whatHappened")}</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => {
                setKind(k.kind);
                reset();
              }}
              className="accent-accent-600"
              data-testid={`break-${k.kind}`}
            />
            {t(`${k.kind}.label`)}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t(`${kind}.hint`)}</p>
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm">
          <span className="block">{t("limit")}</span>
          <input
            type="number"
            min={1}
            max={10000}
            value={limit}
            onChange={(e) => {
              setLimit(e.target.value);
              reset();
            }}
            className="mt-1 w-28 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            data-testid="break-limit"
          />
        </label>
        {kind === "postpone" && (
          <label className="text-sm">
            <span className="block">{t("floor")}</span>
            <input
              type="number"
              min={0.5}
              max={0.99}
              step={0.01}
              value={floor}
              onChange={(e) => {
                setFloor(e.target.value);
                reset();
              }}
              className="mt-1 w-28 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              data-testid="break-floor"
            />
          </label>
        )}
        <button
          type="button"
          onClick={onPreview}
          disabled={pending}
          className="rounded border border-accent-600 px-3 py-1.5 text-sm text-accent-700 hover:bg-accent-50 disabled:opacity-50 dark:text-accent-500 dark:hover:bg-slate-800"
          data-testid="break-preview"
        >
          {pending && !preview ? t("working") : t("preview")}
        </button>
      </div>
      <div aria-live="polite" className="space-y-2 text-sm">
        {preview && (
          <div className="space-y-2" data-testid="break-result">
            <p data-testid="break-summary">
              {t("summary", {
                moves: preview.moves,
                eligible: preview.eligible,
                mean: preview.meanRetrievability === null ? "none" : (preview.meanRetrievability * 100).toFixed(0),
              })}
            </p>
            <table className="text-left" data-testid="break-forecast">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 font-medium"></th>
                  <th scope="col" className="pr-4 font-medium">{t("now")}</th>
                  <th scope="col" className="font-medium">{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" className="pr-4 font-normal">{t("dueToday")}</th>
                  <td className="pr-4">{sum(preview.forecastBefore, 0, 1)}</td>
                  <td data-testid="break-today-after">{sum(preview.forecastAfter, 0, 1)}</td>
                </tr>
                <tr>
                  <th scope="row" className="pr-4 font-normal">{t("next7")}</th>
                  <td className="pr-4">{sum(preview.forecastBefore, 1, 8)}</td>
                  <td>{sum(preview.forecastAfter, 1, 8)}</td>
                </tr>
                <tr>
                  <th scope="row" className="pr-4 font-normal">{t("spread")}</th>
                  <td className="pr-4">{preview.spreadBefore?.toFixed(2) ?? "–"}</td>
                  <td>{preview.spreadAfter?.toFixed(2) ?? "–"}</td>
                </tr>
              </tbody>
            </table>
            {preview.moves > 0 && (
              <button
                type="button"
                onClick={onApply}
                disabled={pending}
                className="rounded bg-accent-600 px-3 py-1.5 text-sm text-white hover:bg-accent-700 disabled:opacity-50"
                data-testid="break-apply"
              >
                {pending ? t("moving") : t("move", { count: preview.moves })}
              </button>
            )}
          </div>
        )}
        {message && <p data-testid="break-done">{message}</p>}
        {error && (
          <p className="text-red-700 dark:text-red-400" data-testid="break-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
