"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { discardQuizAttempt } from "@/app/lib/server/actions/discard-quiz-attempt";

/** Removes one unfinished quiz from "Carry on", after the page refreshes. */
export function DiscardAttemptButton({ attemptId, title }: { attemptId: string; title: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    const result = await discardQuizAttempt({ attemptId }).catch(() => null);
    setPending(false);
    if (!result?.ok) return setError(result?.error ?? "Could not reach the server.");
    router.refresh();
  }
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={pending}
        aria-label={`Discard the unfinished quiz ${title}`}
        data-testid={`quiz-discard-${attemptId}`}
        className="min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {pending ? "Discarding…" : "Discard"}
      </button>
      {error && <span className="text-xs text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}
