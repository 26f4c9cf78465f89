import { useTranslations } from "next-intl";

export default function ProgressLoading() {
  const t = useTranslations("pageErrors");
  return (
    <div className="mx-auto max-w-5xl space-y-6" aria-busy="true">
      <h1 className="text-2xl font-semibold">{t("progressTitle")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("progressLoading")}</p>
    </div>
  );
}
