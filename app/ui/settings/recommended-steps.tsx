"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { recommendLearningSteps } from "@/app/lib/server/actions/recommend-steps";
import type { RecommendedSteps as Steps } from "@/app/lib/server/recommended-steps";

/**
 * Beside the learning-steps fields: steps recommended from the user's own same-day answers
 * (computed on demand: it reads the whole log), how many answers they rest on, and a button that
 * puts them in the form's fields; the form's Save then checks and stores them as any steps.
 * A list the data gives nothing for leaves its field as it is.
 */
export function RecommendedSteps({ onApply }: { onApply: (steps: { learning?: string; relearning?: string }) => void }) {
  const t = useTranslations("recommendedSteps");
  const [result, setResult] = useState<Steps | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const [pending, startTransition] = useTransition();

  const ask = () =>
    startTransition(async () => {
      setError(null);
      setApplied(false);
      const response = await recommendLearningSteps({}).catch(() => null);
      if (!response?.ok) return setError(t("failed"));
      setResult(response.data);
    });

  const learning = result?.learning.join(" ") ?? "";
  const relearning = result?.relearning.join(" ") ?? "";
  const usable = result?.enoughData && (learning !== "" || relearning !== "");

  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm sm:col-span-2 dark:border-slate-800" data-testid="recommended-steps">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={ask}
          disabled={pending}
          className="rounded border border-accent-600 px-3 py-1.5 text-accent-700 hover:bg-accent-50 disabled:opacity-60 dark:text-accent-500 dark:hover:bg-slate-800"
          data-testid="recommend-steps"
        >
          {pending ? t("computing") : t("ask")}
        </button>
        <span className="text-slate-500 dark:text-slate-400">{t("help")}</span>
      </div>
      <div aria-live="polite">
        {result && !result.enoughData && (
          <p data-testid="recommended-steps-too-few">{t("tooFew", { basedOn: result.basedOn, minimum: result.minimum })}</p>
        )}
        {result?.enoughData && (
          <div className="space-y-2" data-testid="recommended-steps-result">
            <p>{t("basedOn", { basedOn: result.basedOn })}</p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4">
              <dt>{t("learning")}</dt>
              <dd className="font-mono" data-testid="recommended-learning">{learning || t("noneFound")}</dd>
              <dt>{t("relearning")}</dt>
              <dd className="font-mono" data-testid="recommended-relearning">{relearning || t("noneFound")}</dd>
            </dl>
            {usable && (
              <button
                type="button"
                onClick={() => {
                  onApply({ ...(learning ? { learning } : {}), ...(relearning ? { relearning } : {}) });
                  setApplied(true);
                }}
                className="rounded bg-accent-600 px-3 py-1.5 text-white hover:bg-accent-700"
                data-testid="apply-recommended-steps"
              >
                {t("apply")}
              </button>
            )}
            {applied && <p data-testid="recommended-steps-applied">{t("applied")}</p>}
          </div>
        )}
        {error && <p className="text-red-600 dark:text-red-400" data-testid="recommended-steps-error">{error}</p>}
      </div>
    </div>
  );
}
