"use client";
import { useTranslations } from "next-intl";
import { signOut } from "@/app/ui/auth/next-auth-client";
import { useState } from "react";
import { signOutEverywhere } from "@/app/lib/server/actions/sign-out-everywhere";

export function SignOutEverywhere() {
  const t = useTranslations("accountForms");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Two steps: it ends this session too, so the first click only asks.
  const [confirming, setConfirming] = useState(false);
  async function onClick() {
    setPending(true);
    const result = await signOutEverywhere({});
    setPending(false);
    if (!result.ok) return setError(result.error);
    await signOut("/signin?everywhere=1");
  }
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {t("everywhereHelp")}
      </p>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("everywhereConfirmGroup")}>
          <span className="text-sm">{t("everywhereQuestion")}</span>
          <button
            type="button"
            data-testid="sign-out-everywhere-confirm"
            onClick={() => void onClick()}
            disabled={pending}
            className="rounded-md bg-red-600 px-3 py-1.5 text-sm text-white hover:bg-red-700 disabled:opacity-60"
          >
            {pending ? t("signingOut") : t("everywhereYes")}
          </button>
          <button
            type="button"
            onClick={() => setConfirming(false)}
            disabled={pending}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          data-testid="sign-out-everywhere"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-red-300 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
        >
          {t("everywhere")}
        </button>
      )}
      {error && <p role="status" className="mt-2 text-sm text-red-600">{error}</p>}
    </div>
  );
}
