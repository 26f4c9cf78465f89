"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { resetPassword } from "@/app/lib/server/actions/reset-password";
import { formText } from "@/app/ui/form-value";
import { resetFailedState } from "./email-link-form-state";
import { resetPasswordWithoutScript } from "./email-link-forms";
import { Field } from "./field";
import { LinkProblem } from "./link-problem";
import { useEmailLinkForm, useEmailLinkMessage } from "./use-email-link-form";
import { FormError, SubmitButton } from "./form-parts";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(resetPasswordWithoutScript, async (form) => {
    const result = await resetPassword({ token: formText(form, "token"), password: formText(form, "password") });
    if (!result.ok) return resetFailedState(result);
    router.push("/signin?reset=1");
    return undefined;
  });
  const t = useTranslations("emailLinks");
  const message = useEmailLinkMessage(state);
  if (state.linkProblem && message) {
    return <LinkProblem message={message} href="/forgot-password" label={t("askNewLink")} />;
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t.rich("resetFor", { email, strong: (chunks) => <span className="font-medium text-slate-900 dark:text-slate-100">{chunks}</span> })}
      </p>
      <Field
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        errors={state.fieldErrors.password}
      />
      {state.status === "error" && message && (
        <FormError testId="reset-password-error">{message}</FormError>
      )}
      <SubmitButton pending={pending}>{pending ? t("saving") : t("setPassword")}</SubmitButton>
    </form>
  );
}
