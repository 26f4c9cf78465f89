"use client";
import { useTranslations } from "next-intl";
import { PageError } from "@/app/ui/shell/page-error";

export default function ProgressError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageErrors");
  return <PageError title={t("progress")} testId="progress-page-error" error={error} reset={reset} />;
}
