"use client";
import { sendVerificationEmail } from "@/app/lib/server/actions/send-verification-email";
import { verificationSentState } from "@/app/ui/auth/email-link-form-state";
import { sendVerificationEmailWithoutScript } from "@/app/ui/auth/email-link-forms";
import { useEmailLinkForm } from "@/app/ui/auth/use-email-link-form";

/** Shown on the account page while the address is unverified. Nothing waits for it. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const { state, formAction, onSubmit, pending } = useEmailLinkForm(sendVerificationEmailWithoutScript, async () =>
    verificationSentState(await sendVerificationEmail({})),
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {email} is not verified yet. Verifying it shows that it receives mail from PaperDeck, where password reset links go.
      </p>
      {state.message && (
        <p
          data-testid="verify-email-message"
          role="status"
          className={state.status === "done" ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-red-600 dark:text-red-400"}
        >
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        data-testid="send-verification-email"
        className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60"
      >
        {pending ? "Sending…" : state.status === "done" ? "Send another link" : "Send me a verification link"}
      </button>
    </form>
  );
}
