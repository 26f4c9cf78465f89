"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { discardQuizAttempt } from "@/app/lib/server/actions/discard-quiz-attempt";

/** Removes one unfinished quiz from "Carry on", after the page refreshes. */
export function DiscardAttemptButton({ attemptId, title }: { attemptId: string; title: string }) {
  const t = useTranslations("quizResults");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    const result = await discardQuizAttempt({ attemptId }).catch(() => null);
    setPending(false);
    if (!result?.ok) return setError(result?.error ?? t("unreachable"));
    router.refresh();
  }
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={pending}
        aria-label={t("discardLabel", { title })}
        data-testid={`quiz-discard-${attemptId}`}
        className="min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {pending ? t("discarding") : t("discard")}
      </button>
      {error && <span className="text-xs text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}
