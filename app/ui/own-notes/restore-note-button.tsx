"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreOwnNote } from "@/app/lib/server/actions/restore-own-note";

/** "Restore" beside a note deleted in the last 30 days: it comes back with its cards and reviews. */
export function RestoreNoteButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("ownNotes");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await restoreOwnNote({ id });
      if (!result.ok) setError(result.error);
      else router.refresh();
    } catch {
      setError(t("unreachable"));
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        onClick={() => void restore()}
        disabled={pending}
        aria-label={t("restoreLabel", { title })}
        data-testid={`restore-${id}`}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {pending ? t("restoring") : t("restore")}
      </button>
      {error && <span className="text-xs text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}
