"use client";
import { useTranslations } from "next-intl";
import { useServerError } from "@/app/ui/i18n/use-server-error";
import { useState } from "react";
import type { ImportResult } from "@/app/lib/server/data/review-csv";
import { reviewLogImportFailureSchema, reviewLogImportSchema } from "@/app/lib/schemas/api-responses";

/** Export of the review log as the optimizer's CSV, and import of such a file. */
export function ReviewLogTransfer() {
  const t = useTranslations("revlog");
  const serverError = useServerError();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [badLines, setBadLines] = useState<ImportResult["errors"]>([]);
  const [pending, setPending] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setPending(true);
    setError(null);
    setBadLines([]);
    setResult(null);
    const response = await fetch("/api/review/import", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: await file.text(),
    }).catch(() => null);
    setPending(false);
    if (!response) return setError(t("notSent"));
    const json: unknown = await response.json().catch(() => undefined);
    const imported = reviewLogImportSchema.safeParse(json);
    if (!response.ok || !imported.success) {
      const failure = reviewLogImportFailureSchema.safeParse(json);
      if (failure.success && failure.data.errors) setBadLines(failure.data.errors);
      return setError(failure.success ? serverError(failure.data) : json === undefined ? t("unreadable") : t("importFailed"));
    }
    setResult(imported.data);
  }

  return (
    <section aria-labelledby="revlog-title" className="space-y-3">
      <h2 id="revlog-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t("help")}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <a href="/api/review/export" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700" data-testid="export-csv" download>
          {t("export")}
        </a>
        <label className="text-sm">
          <span className="mr-2">{t("import")}</span>
          <input type="file" accept=".csv,text/csv" disabled={pending} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="import-csv" />
        </label>
      </div>
      {pending && <p className="text-sm">{t("importing")}</p>}
      {error && <p className="text-sm text-red-600 dark:text-red-400" data-testid="import-error">{error}</p>}
      {badLines.length > 0 && (
        <ul className="mt-1 max-h-48 list-disc overflow-auto pl-6 font-mono text-xs" aria-label={t("invalidLines")} data-testid="import-bad-lines">
          {badLines.slice(0, 200).map((e) => (
            <li key={e.line}>{t("line", { line: e.line, message: e.message })}</li>
          ))}
        </ul>
      )}
      {result && (
        <div className="text-sm" data-testid="import-result">
          <p>
            {t("result", { added: result.added, there: result.alreadyThere, rescheduled: result.rescheduled })}
          </p>
        </div>
      )}
    </section>
  );
}
