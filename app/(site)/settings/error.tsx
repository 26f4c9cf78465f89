"use client";
import { useTranslations } from "next-intl";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";

export default function SettingsError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pageErrors");
  return (
    <div className="mx-auto max-w-xl py-10 text-center" data-testid="settings-error">
      <h1 className="text-xl font-semibold">{t("settings")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">{t("settingsUnchanged")}</p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-accent-600 px-3 py-1.5 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
