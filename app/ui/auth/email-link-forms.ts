"use server";
import { redirect } from "next/navigation";
import { requestPasswordReset } from "@/app/lib/server/actions/request-password-reset";
import { resetPassword } from "@/app/lib/server/actions/reset-password";
import { sendVerificationEmail } from "@/app/lib/server/actions/send-verification-email";
import { verifyEmail } from "@/app/lib/server/actions/verify-email";
import { formText } from "@/app/ui/form-value";
import { ensureCsrfCookie } from "./csrf-cookie";
import {
  resetFailedState,
  resetRequestedState,
  type EmailLinkFormState,
  verificationSentState,
  verifiedState,
} from "./email-link-form-state";

/**
 * The mail-link forms' actions when a form is posted before JavaScript runs (with JavaScript
 * each form calls the guarded action itself, as sign-up does): each reads its fields and calls
 * the guarded action, which does the work.
 */

export async function requestPasswordResetWithoutScript(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  const email = formText(form, "email");
  return resetRequestedState(await requestPasswordReset({ email }), email);
}

export async function resetPasswordWithoutScript(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  const result = await resetPassword({ token: formText(form, "token"), password: formText(form, "password") });
  if (!result.ok) return resetFailedState(result);
  // The sign-in form's post without JavaScript needs next-auth's CSRF cookie.
  await ensureCsrfCookie();
  redirect("/signin?reset=1");
}

export async function verifyEmailWithoutScript(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  return verifiedState(await verifyEmail({ token: formText(form, "token") }));
}

export async function sendVerificationEmailWithoutScript(_previous: EmailLinkFormState, _form: FormData): Promise<EmailLinkFormState> {
  return verificationSentState(await sendVerificationEmail({}));
}
