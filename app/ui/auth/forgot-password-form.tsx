"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { requestPasswordReset } from "@/app/lib/server/actions/request-password-reset";
import { formText } from "@/app/ui/form-value";
import { resetRequestedState } from "./email-link-form-state";
import { requestPasswordResetWithoutScript } from "./email-link-forms";
import { Field } from "./field";
import { useEmailLinkForm, useEmailLinkMessage } from "./use-email-link-form";
import { FormError, SubmitButton } from "./form-parts";

export function ForgotPasswordForm() {
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(requestPasswordResetWithoutScript, async (form) => {
    const email = formText(form, "email");
    return resetRequestedState(await requestPasswordReset({ email }), email);
  });
  const t = useTranslations("emailLinks");
  const message = useEmailLinkMessage(state);
  return (
    <div className="space-y-6">
      {state.status === "done" && (
        <p
          data-testid="forgot-password-sent"
          role="status"
          className="rounded-md bg-accent-50 px-3 py-2 text-sm text-accent-700 dark:bg-slate-800 dark:text-slate-200"
        >
          {message}
        </p>
      )}
      {/* Posted as a plain form before JavaScript runs, with the same answer. */}
      <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.email}
          errors={state.fieldErrors.email}
        />
        {state.status === "error" && !state.fieldErrors.email && (
          <FormError testId="forgot-password-error">{message}</FormError>
        )}
        <SubmitButton pending={pending}>{pending ? t("sending") : state.status === "done" ? t("sendAnother") : t("sendLink")}</SubmitButton>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("remembered")}{" "}
        <Link href="/signin" className="text-accent-600 underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
