"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useServerError } from "@/app/ui/i18n/use-server-error";
import type { ImportSummary } from "@/app/lib/server/data/user-data";
import { importFailureSchema, importSummarySchema } from "@/app/lib/schemas/api-responses";

/** Uploads a PaperDeck export to /api/import and says what was added. */
export function DataImport() {
  const t = useTranslations("accountForms");
  const tNotes = useTranslations("ownNotes");
  const serverError = useServerError();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setPending(true);
    setError(null);
    setProblems([]);
    setSummary(null);
    const response = await fetch("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: await file.text(),
    }).catch(() => null);
    setPending(false);
    input.value = "";
    if (!response) return setError(t("notSent"));
    const json: unknown = await response.json().catch(() => undefined);
    const imported = importSummarySchema.safeParse(json);
    if (!response.ok || !imported.success) {
      const failure = importFailureSchema.safeParse(json);
      if (failure.success && failure.data.errors) setProblems(failure.data.errors);
      return setError(failure.success ? serverError(failure.data) : json === undefined ? t("unreadable") : t("importFailed"));
    }
    setSummary(imported.data);
  }

  const skipped = summary ? Object.values(summary.skipped).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="mr-2 font-medium">{t("importLabel")}</span>
        <input type="file" accept=".json,application/json" disabled={pending} onChange={(e) => void onFile(e.currentTarget)} data-testid="import-data" />
      </label>
      {pending && <p className="text-sm" role="status">{t("importing")}</p>}
      {error && <p className="text-sm text-red-600 dark:text-red-400" role="status" data-testid="import-data-error">{error}</p>}
      {problems.length > 0 && (
        <ul className="max-h-48 list-disc overflow-auto pl-6 font-mono text-xs" aria-label={t("problems")} data-testid="import-data-problems">
          {problems.slice(0, 200).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {summary && (
        <div className="text-sm" role="status" data-testid="import-data-result">
          <p>
            {t("imported", {
              reviews: summary.reviewLogs.added,
              reviewsThere: summary.reviewLogs.alreadyThere,
              states: summary.cardStates.added,
              statesUpdated: summary.cardStates.updated,
              attempts: summary.quizAttempts.added,
              attemptsThere: summary.quizAttempts.alreadyThere,
              notes: summary.studySet.added,
              settings: summary.settings,
            })}
          </p>
          {summary.ownNotes && (
            <p className="mt-1" data-testid="import-data-own-notes">
              {tNotes("restoredFromData", summary.ownNotes)}
            </p>
          )}
          {summary.weights && <p className="mt-1" data-testid="import-data-weights">{summary.weights}</p>}
          {skipped > 0 && (
            <p className="mt-1 text-amber-700 dark:text-amber-300">
              {t("skipped", {
                cards: summary.skipped.unknownCards,
                notes: summary.skipped.unknownNotes,
                questions: summary.skipped.unknownQuestions,
                others: summary.skipped.attemptsOfAnotherAccount,
              })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
