"use client";
import { useTranslations } from "next-intl";
import { sendVerificationEmail } from "@/app/lib/server/actions/send-verification-email";
import { verificationSentState } from "@/app/ui/auth/email-link-form-state";
import { sendVerificationEmailWithoutScript } from "@/app/ui/auth/email-link-forms";
import { useEmailLinkForm, useEmailLinkMessage } from "@/app/ui/auth/use-email-link-form";

/** Shown on the account page while the address is unverified. Nothing waits for it. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(sendVerificationEmailWithoutScript, async () =>
    verificationSentState(await sendVerificationEmail({})),
  );
  const t = useTranslations("emailLinks");
  const message = useEmailLinkMessage(state);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("notVerified", { email })}
      </p>
      {message && (
        <p
          data-testid="verify-email-message"
          role="status"
          className={state.status === "done" ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-red-600 dark:text-red-400"}
        >
          {message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        data-testid="send-verification-email"
        className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60"
      >
        {pending ? t("sending") : state.status === "done" ? t("sendAnother") : t("sendVerification")}
      </button>
    </form>
  );
}
