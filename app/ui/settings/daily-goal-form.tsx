"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setDailyGoal } from "@/app/lib/server/actions/set-daily-goal";
import type { DailyGoalKind } from "@/app/lib/domain/stats/daily-goal";

const KINDS: { kind: DailyGoalKind }[] = [{ kind: "none" }, { kind: "reviews" }, { kind: "minutes" }];

/**
 * The optional daily goal, saved on its own (it schedules nothing, so it does not wait for the
 * scheduling form): shown on the review page and marked on the progress heatmap.
 */
export function DailyGoalForm({ initial }: { initial: { kind: DailyGoalKind; target: number } }) {
  const t = useTranslations("dailyGoal");
  const [kind, setKind] = useState<DailyGoalKind>(initial.kind);
  const [target, setTarget] = useState(String(initial.target > 0 ? initial.target : 30));
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({ saving: false, error: null, saved: false });

  // noValidate: the server's message in words ("A goal needs at least 1.") rather than the browser's own.
  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ saving: true, error: null, saved: false });
    const result = await setDailyGoal({ kind, target: kind === "none" ? 0 : target }).catch(() => null);
    if (result?.ok) setState({ saving: false, error: null, saved: true });
    else setState({ saving: false, error: result?.fieldErrors?.target?.[0] ?? result?.error ?? t("unreachable"), saved: false });
  }

  return (
    <section id="daily-goal" aria-labelledby="daily-goal-heading" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="daily-goal-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t("help")}
      </p>
      <form onSubmit={(e) => void save(e)} noValidate className="flex flex-wrap items-end gap-3" data-testid="daily-goal-form">
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{t("kind")}</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="dailyGoalKind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} className="accent-accent-600" />
              {t(`kinds.${k.kind}`)}
            </label>
          ))}
        </fieldset>
        {kind !== "none" && (
          <label className="flex flex-col text-sm">
            <span>{kind === "reviews" ? t("reviews") : t("minutes")}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              aria-invalid={state.error ? true : undefined}
              aria-describedby={state.error ? "daily-goal-error" : undefined}
              data-testid="daily-goal-target"
              className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        )}
        <button
          type="submit"
          disabled={state.saving}
          data-testid="daily-goal-save"
          className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {state.saving ? t("saving") : t("save")}
        </button>
      </form>
      <p aria-live="polite" className="text-sm">
        {state.saved && <span data-testid="daily-goal-saved" className="text-emerald-700 dark:text-emerald-400">{t("saved")}</span>}
        {state.error && (
          <span id="daily-goal-error" data-testid="daily-goal-error" className="text-red-600 dark:text-red-400">
            {state.error}
          </span>
        )}
      </p>
    </section>
  );
}
