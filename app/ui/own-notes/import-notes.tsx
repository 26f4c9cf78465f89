"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

type ImportError = { file: string; line: number; message: string };
type State =
  | { state: "idle" }
  | { state: "busy" }
  | { state: "done"; count: number; updated: number }
  | { state: "failed"; message: string; errors: ImportError[] };

/**
 * Uploads a .md file or a .zip of them to POST /api/own-notes/import (the file's bytes, not a
 * form) and lists every problem by file and line when the upload is refused. A file imported
 * before updates the note it made (the server decides; the summary says how many).
 */
export function ImportNotes() {
  const t = useTranslations("ownNotes");
  const router = useRouter();
  const id = useId();
  const [status, setStatus] = useState<State>({ state: "idle" });
  const upload = async (file: File) => {
    setStatus({ state: "busy" });
    try {
      const zip = /\.zip$/i.test(file.name);
      const response = await fetch(`/api/own-notes/import?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "Content-Type": zip ? "application/zip" : "text/markdown" },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { imported?: { updated?: boolean }[]; error?: string; errors?: ImportError[] };
      if (response.ok) {
        const imported = body.imported ?? [];
        setStatus({ state: "done", count: imported.length, updated: imported.filter((n) => n.updated).length });
        router.refresh();
      } else setStatus({ state: "failed", message: body.error ?? t("importFailed"), errors: body.errors ?? [] });
    } catch {
      setStatus({ state: "failed", message: t("importOffline"), errors: [] });
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("importLabel")}
      </label>
      <input
        id={id}
        type="file"
        accept=".md,.zip,text/markdown,application/zip"
        data-testid="import-notes"
        aria-describedby={`${id}-hint`}
        disabled={status.state === "busy"}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-transparent file:px-3 file:py-1 file:text-sm hover:file:bg-slate-100 dark:file:border-slate-700 dark:file:text-slate-100 dark:hover:file:bg-slate-800"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        {t("importHint")} {t("importAgainHint")}
      </p>
      <div aria-live="polite">
        {status.state === "busy" && <p className="text-sm" role="status">{t("importing")}</p>}
        {status.state === "done" && (
          <p className="text-sm text-green-700 dark:text-green-400" data-testid="import-done">
            {status.updated === 0
              ? t("imported", { count: status.count })
              : t("importedWithUpdates", { created: status.count - status.updated, updated: status.updated })}
          </p>
        )}
        {status.state === "failed" && (
          <div data-testid="import-error" className="rounded-md border border-red-300 p-3 text-sm text-red-700 dark:border-red-800 dark:text-red-300">
            <p>{status.message}</p>
            {status.errors.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs">
                {status.errors.map((e, i) => (
                  <li key={i}>{t("errorAt", { file: e.file || "—", line: e.line, message: e.message })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
