"use client";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";

/**
 * A page segment's error boundary body (error.tsx): what could not be shown, that nothing was
 * lost, the error's reference, the database notice when that is the cause, and a retry.
 */
export function PageError({
  title,
  testId,
  error,
  reset,
  children,
}: {
  title: string;
  testId: string;
  error: Error & { digest?: string };
  reset: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations("pageErrors");
  useEffect(() => console.error(error), [error]);
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid={testId}>
        {t("nothingLost")}
        {error.digest ? ` ${t("reference", { digest: error.digest })}` : ""}
      </p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        {t("retry")}
      </button>
      {children}
    </div>
  );
}
