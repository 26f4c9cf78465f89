import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { emailVerifiedAt } from "@/app/lib/server/auth/email-verification";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { accountHasPassword } from "@/app/lib/server/data/account";
import { notesWithCards } from "@/app/lib/server/data/user-data-anki";
import { AnkiExportForm } from "@/app/ui/account/anki-export-form";
import { ChangePasswordForm } from "@/app/ui/account/change-password-form";
import { DataImport } from "@/app/ui/account/data-import";
import { DeleteAccount } from "@/app/ui/account/delete-account";
import { SignOutEverywhere } from "@/app/ui/account/sign-out-everywhere";
import { VerifyEmailNotice } from "@/app/ui/account/verify-email-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const locale = await getLocale();
  const [notes, verifiedAt, hasPassword, t] = await Promise.all([
    notesWithCards(user.id, locale),
    emailVerifiedAt(user.id),
    accountHasPassword(user.id),
    getTranslations("account"),
  ]);
  return (
    <div className="mx-auto max-w-xl space-y-10">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600 dark:text-slate-400">{t("signedInAs", { email: user.email })}</p>
      </header>
      {!verifiedAt && (
        <section aria-labelledby="verify-heading" className="space-y-3 rounded-lg border border-amber-200 p-4 dark:border-amber-900">
          <h2 id="verify-heading" className="text-lg font-semibold">{t("verify")}</h2>
          <VerifyEmailNotice email={user.email} />
        </section>
      )}
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">{t("changePassword")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("signsOutOthers")}</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">{t("sessions")}</h2>
        <SignOutEverywhere />
      </section>
      <section id="your-data" aria-labelledby="data-heading" className="space-y-4">
        <h2 id="data-heading" className="text-lg font-semibold">{t("yourData")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("dataHelp")}
        </p>
        <a href="/api/export" download data-testid="export-data" className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
          {t("exportAll")}
        </a>
        <DataImport />
        <AnkiExportForm notes={notes} />
      </section>
      <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 p-4 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-700 dark:text-red-300">{t("delete")}</h2>
        <DeleteAccount email={user.email} hasPassword={hasPassword} />
      </section>
    </div>
  );
}
