"use client";
import { useTranslations } from "next-intl";
import { htmlLang, type Locale } from "@/app/lib/domain/i18n/locales";
import { useServerError, type ServerErrorBody } from "@/app/ui/i18n/use-server-error";
import { apkgImportSchema, errorBodySchema } from "@/app/lib/schemas/api-responses";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ApkgImportResult } from "@/app/lib/server/data/user-data-apkg";

const NO_NOTE = "noNote";

/** The file name a download answer gives in its Content-Disposition. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

/** A refused download's answer: the route's error (with its code), else null. */
async function errorOf(response: Response): Promise<ServerErrorBody | null> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/**
 * Chooses notes and downloads their cards for Anki: a package (.apkg, with the review history)
 * or a text file. With JavaScript the form checks the choice in place and fetches the file, so
 * a refusal is shown here and never opens as a page; without it the form is a plain GET (the
 * route then answers a short page saying what is wrong).
 */
export function AnkiExportForm({ notes }: { notes: { slug: string; title: string; titleIn: Locale; cards: number }[] }) {
  const t = useTranslations("anki");
  const serverError = useServerError();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // The button's own formaction attribute, else the form's (a button's formAction property
    // reads the page's URL when the attribute is absent).
    const action = submitter?.getAttribute("formaction") ?? form.getAttribute("action") ?? "/api/export/apkg";
    const chosen = new FormData(form).getAll("note").map(String);
    if (chosen.length === 0) {
      setError(NO_NOTE);
      fieldset.current?.querySelector("input")?.focus();
      return;
    }
    setError(null);
    setPending(true);
    const url = new URL(action, window.location.href);
    url.search = new URLSearchParams(chosen.map((slug) => ["note", slug])).toString();
    const response = await fetch(url, { headers: { Accept: "application/octet-stream, application/json" } }).catch(() => null);
    setPending(false);
    if (!response) return setError(t("notDownloaded"));
    if (!response.ok) {
      const body = await errorOf(response);
      return setError(body ? serverError(body) : t("downloadFailed", { status: response.status }));
    }
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = href;
    link.download = fileNameOf(response, "paperdeck-anki");
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }

  return (
    <div className="space-y-4">
      <form
        action="/api/export/apkg"
        method="get"
        className="space-y-2"
        data-testid="anki-form"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        onChange={() => setError(null)}
      >
        <fieldset ref={fieldset} aria-invalid={error === NO_NOTE || undefined} aria-describedby={error ? errorId : undefined}>
          <legend className="text-sm font-medium">{t("exportLegend")}</legend>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {t("exportHelp")}
          </p>
          <div
            className={`mt-2 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border p-2 text-sm sm:grid-cols-2 ${
              error === NO_NOTE ? "border-red-500 dark:border-red-400" : "border-slate-200 dark:border-slate-800"
            }`}
          >
            {notes.map((n) => (
              <label key={n.slug} className="flex items-center gap-2">
                <input type="checkbox" name="note" value={n.slug} />
                <span className="truncate" lang={htmlLang(n.titleIn)}>{n.title}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">({n.cards})</span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p id={errorId} className="text-sm text-red-600 dark:text-red-400" aria-live="polite" data-testid="anki-export-error">
            {error === NO_NOTE ? t("noNote") : error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700" data-testid="anki-export">
            {t("downloadApkg")}
          </button>
          <button
            type="submit"
            formAction="/api/export/anki"
            disabled={pending}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
            data-testid="anki-export-text"
          >
            {t("textFile")}
          </button>
        </div>
        {pending && (
          <p className="text-sm" role="status">
            {t("preparing")}
          </p>
        )}
      </form>
      <AnkiImport />
    </div>
  );
}

/** Uploads an Anki package to /api/import/apkg and says how much of its history was taken. */
function AnkiImport() {
  const t = useTranslations("anki");
  const serverError = useServerError();
  const [result, setResult] = useState<ApkgImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setPending(true);
    setError(null);
    setResult(null);
    const response = await fetch("/api/import/apkg", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: file,
    }).catch(() => null);
    setPending(false);
    input.value = "";
    if (!response) return setError(t("notSent"));
    const json: unknown = await response.json().catch(() => undefined);
    const imported = apkgImportSchema.safeParse(json);
    if (!response.ok || !imported.success) {
      const failure = errorBodySchema.safeParse(json);
      return setError(failure.success ? serverError(failure.data) : json === undefined ? t("unreadable") : t("importFailed"));
    }
    setResult(imported.data);
  }

  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="mr-2 font-medium">{t("importLabel")}</span>
        <input type="file" accept=".apkg,.colpkg,application/octet-stream,application/zip" disabled={pending} onChange={(e) => void onFile(e.currentTarget)} data-testid="import-apkg" />
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("importHelp")}
      </p>
      {pending && (
        <p className="text-sm" role="status">
          {t("importing")}
        </p>
      )}
      {error && (
        <p className="text-sm text-red-600 dark:text-red-400" role="status" data-testid="import-apkg-error">
          {error}
        </p>
      )}
      {result && (
        <p className="text-sm" role="status" data-testid="import-apkg-result">
          {t("imported", {
            added: result.reviews.added,
            there: result.reviews.alreadyThere,
            cards: result.cards.matched,
            notes: result.notes.matched,
            rescheduled: result.rescheduled,
          })}
          {result.notes.unmatched > 0 && ` ${t("skippedNotes", { count: result.notes.unmatched })}`}
          {result.reviews.skipped > 0 && ` ${t("skippedEntries", { count: result.reviews.skipped })}`}
        </p>
      )}
    </div>
  );
}
