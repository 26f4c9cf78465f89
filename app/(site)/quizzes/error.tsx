"use client";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

export default function QuizError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageErrors");
  useEffect(() => console.error(error), [error]);
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("quiz")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="quiz-page-error">
        {t("quizSaved")}
        {error.digest ? ` ${t("reference", { digest: error.digest })}` : ""}
      </p>
      <DatabaseNotice />
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
          {t("retry")}
        </button>
        <Link href="/quizzes" className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          {t("allQuizzes")}
        </Link>
      </div>
    </div>
  );
}
