"use client";
import { useTranslations } from "next-intl";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="error-message">
        {t("body")}
        {error.digest ? ` ${t("reference", { digest: error.digest })}` : ""}
      </p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        {t("retry")}
      </button>
    </div>
  );
}
