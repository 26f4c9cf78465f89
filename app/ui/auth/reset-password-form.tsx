"use client";
import { useRouter } from "next/navigation";
import { resetPassword } from "@/app/lib/server/actions/reset-password";
import { formText } from "@/app/ui/form-value";
import { resetFailedState } from "./email-link-form-state";
import { resetPasswordWithoutScript } from "./email-link-forms";
import { Field } from "./field";
import { LinkProblem } from "./link-problem";
import { useEmailLinkForm } from "./use-email-link-form";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(resetPasswordWithoutScript, async (form) => {
    const result = await resetPassword({ token: formText(form, "token"), password: formText(form, "password") });
    if (!result.ok) return resetFailedState(result);
    router.push("/signin?reset=1");
    return undefined;
  });
  if (state.linkProblem && state.message) {
    return <LinkProblem message={state.message} href="/forgot-password" label="Ask for a new link" />;
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        For <span className="font-medium text-slate-900 dark:text-slate-100">{email}</span>. Every device signed in to this account
        will be signed out.
      </p>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters; very common passwords and your email or name are refused."
        errors={state.fieldErrors.password}
      />
      {state.status === "error" && state.message && (
        <p data-testid="reset-password-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
