"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ImportSummary } from "@/app/lib/server/data/user-data";
import { importFailureSchema, importSummarySchema } from "@/app/lib/schemas/api-responses";

/** Uploads a PaperDeck export to /api/import and says what was added. */
export function DataImport() {
  const t = useTranslations("ownNotes");
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
    if (!response) return setError("The file could not be sent. Check your connection.");
    const json: unknown = await response.json().catch(() => undefined);
    const imported = importSummarySchema.safeParse(json);
    if (!response.ok || !imported.success) {
      const failure = importFailureSchema.safeParse(json);
      if (failure.success && failure.data.errors) setProblems(failure.data.errors);
      return setError(failure.success ? failure.data.error : json === undefined ? "The server's answer could not be read." : "The import failed.");
    }
    setSummary(imported.data);
  }

  const skipped = summary ? Object.values(summary.skipped).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="mr-2 font-medium">Import a PaperDeck export (.json)</span>
        <input type="file" accept=".json,application/json" disabled={pending} onChange={(e) => void onFile(e.currentTarget)} data-testid="import-data" />
      </label>
      {pending && <p className="text-sm" role="status">Importing…</p>}
      {error && <p className="text-sm text-red-600 dark:text-red-400" role="status" data-testid="import-data-error">{error}</p>}
      {problems.length > 0 && (
        <ul className="max-h-48 list-disc overflow-auto pl-6 font-mono text-xs" aria-label="Problems in the file" data-testid="import-data-problems">
          {problems.slice(0, 200).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {summary && (
        <div className="text-sm" role="status" data-testid="import-data-result">
          <p>
            Added {summary.reviewLogs.added} reviews ({summary.reviewLogs.alreadyThere} already there), {summary.cardStates.added} card states
            ({summary.cardStates.updated} updated), {summary.quizAttempts.added} quiz attempts ({summary.quizAttempts.alreadyThere} already there),
            {" "}{summary.studySet.added} notes to your study set; settings {summary.settings}.
          </p>
          {summary.ownNotes && (
            <p className="mt-1" data-testid="import-data-own-notes">
              {t("restoredFromData", summary.ownNotes)}
            </p>
          )}
          {summary.weights && <p className="mt-1" data-testid="import-data-weights">{summary.weights}</p>}
          {skipped > 0 && (
            <p className="mt-1 text-amber-700 dark:text-amber-300">
              Skipped: {summary.skipped.unknownCards} items of cards and {summary.skipped.unknownNotes} notes this site does not have,
              {" "}{summary.skipped.unknownQuestions} quiz attempts with unknown questions, {summary.skipped.attemptsOfAnotherAccount} quiz attempts that belong to another account.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
