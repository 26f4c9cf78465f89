"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { verifyEmail } from "@/app/lib/server/actions/verify-email";
import { formText } from "@/app/ui/form-value";
import { verifiedState } from "./email-link-form-state";
import { verifyEmailWithoutScript } from "./email-link-forms";
import { LinkProblem } from "./link-problem";
import { useEmailLinkForm, useEmailLinkMessage } from "./use-email-link-form";
import { FormError, SubmitButton } from "./form-parts";

/** One press confirms: a link opened by a mail scanner's prefetch does not use itself up. */
export function VerifyEmailForm({ token, email }: { token: string; email: string }) {
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(verifyEmailWithoutScript, async (form) =>
    verifiedState(await verifyEmail({ token: formText(form, "token") })),
  );
  const t = useTranslations("emailLinks");
  const message = useEmailLinkMessage(state);
  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <p data-testid="verify-email-done" role="status" className="rounded-md bg-accent-50 px-3 py-2 text-sm text-accent-700 dark:bg-slate-800 dark:text-slate-200">
          {message}
        </p>
        <Link href="/" className="text-sm text-accent-600 underline">
          {t("toNotes")}
        </Link>
      </div>
    );
  }
  if (state.linkProblem && message) {
    return <LinkProblem message={message} href="/account" label={t("toAccount")} />;
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t.rich("confirmYours", { email, strong: (chunks) => <span className="font-medium text-slate-900 dark:text-slate-100">{chunks}</span> })}
      </p>
      {state.status === "error" && message && (
        <FormError testId="verify-email-error">{message}</FormError>
      )}
      <SubmitButton pending={pending}>{pending ? t("verifying") : t("verifyButton")}</SubmitButton>
    </form>
  );
}
