"use client";
import { useTranslations } from "next-intl";
import { PageError } from "@/app/ui/shell/page-error";

export default function CardsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageErrors");
  return <PageError title={t("cards")} testId="cards-page-error" error={error} reset={reset} />;
}
