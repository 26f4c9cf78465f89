"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { retakeMissedQuestions } from "@/app/lib/server/actions/retake-missed-questions";

/** "Retake the ones I missed": starts a new attempt with the missed questions and opens it. */
export function RetakeButton({ attemptId, missed }: { attemptId: string; missed: number }) {
  const t = useTranslations("quizResults");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    setError(null);
    const result = await retakeMissedQuestions({ attemptId });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    router.push(`/quizzes/${result.data.attemptId}`);
  }
  return (
    <div>
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={pending}
        data-testid="quiz-retake"
        className="min-h-11 w-full rounded-md bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60 sm:w-auto"
      >
        {pending ? t("starting") : t("retake", { missed })}
      </button>
      {error && (
        <p role="status" data-testid="quiz-retake-error" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
