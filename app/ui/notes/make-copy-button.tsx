"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { copyCorpusNote } from "@/app/lib/server/actions/copy-corpus-note";

/**
 * "Make my own copy" on a corpus note (signed-in readers only: it sits in the note's user
 * panel, which the static page fills in after load). Opens the copy's editor.
 */
export function MakeCopyButton({ slug }: { slug: string }) {
  const t = useTranslations("note");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await copyCorpusNote({ slug });
      if (!result.ok) {
        setError(t("copyFailed", { error: result.error }));
        setPending(false);
      } else router.push(`/notes/${result.data.id}/edit`);
    } catch {
      setError(t("offline"));
      setPending(false);
    }
  };
  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={() => void copy()}
        disabled={pending}
        aria-describedby={`copy-hint-${slug}`}
        data-testid="make-copy"
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {pending ? t("makingCopy") : t("makeCopy")}
      </button>
      <p id={`copy-hint-${slug}`} className="text-xs text-slate-500 dark:text-slate-400">
        {t("makeCopyHint")}
      </p>
      {error && (
        <p role="alert" data-testid="make-copy-error" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
