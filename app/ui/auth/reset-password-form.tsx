"use client";
import { useActionState } from "react";
import { INITIAL_EMAIL_LINK_FORM_STATE } from "./email-link-form-state";
import { resetPasswordFromForm } from "./email-link-forms";
import { Field } from "./field";
import { LinkProblem } from "./link-problem";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordFromForm, INITIAL_EMAIL_LINK_FORM_STATE);
  if (state.linkProblem && state.message) {
    return <LinkProblem message={state.message} href="/forgot-password" label="Ask for a new link" />;
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
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
