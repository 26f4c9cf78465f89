import { useTranslations } from "next-intl";

export default function CardsLoading() {
  const t = useTranslations("pageErrors");
  return (
    <div className="mx-auto max-w-7xl space-y-4" aria-busy="true" data-testid="cards-loading">
      <h1 className="text-2xl font-semibold">{t("cardsTitle")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("cardsLoading")}</p>
      <div className="space-y-2" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
        ))}
      </div>
    </div>
  );
}
