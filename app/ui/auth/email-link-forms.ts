"use server";
import { redirect } from "next/navigation";
import { requestPasswordReset } from "@/app/lib/server/actions/request-password-reset";
import { resetPassword } from "@/app/lib/server/actions/reset-password";
import { sendVerificationEmail } from "@/app/lib/server/actions/send-verification-email";
import { verifyEmail } from "@/app/lib/server/actions/verify-email";
import type { ActionResult } from "@/app/lib/server/auth/guard";
import { formText } from "@/app/ui/form-value";
import { ensureCsrfCookie } from "./csrf-cookie";
import type { EmailLinkFormState } from "./email-link-form-state";

/**
 * The forms' actions for useActionState, so each form works before (or without) JavaScript as
 * well as after: each reads its fields and calls the guarded action, which does the work.
 */

function failed(result: Extract<ActionResult<unknown>, { ok: false }>, email?: string): EmailLinkFormState {
  return {
    status: "error",
    message: result.error,
    fieldErrors: result.fieldErrors ?? {},
    // 404 and 410 are the link's own problems (unknown; used or expired): see EmailLinkError.
    linkProblem: result.status === 404 || result.status === 410,
    email,
  };
}

export async function requestPasswordResetFromForm(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  const email = formText(form, "email");
  const result = await requestPasswordReset({ email });
  if (!result.ok) return failed(result, email);
  return { status: "done", message: result.data.message, fieldErrors: {}, email };
}

export async function resetPasswordFromForm(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  const result = await resetPassword({ token: formText(form, "token"), password: formText(form, "password") });
  if (!result.ok) {
    // The password rule's answer belongs under the password field.
    const state = failed(result);
    return state.linkProblem || result.status !== 400 || result.fieldErrors
      ? state
      : { ...state, message: null, fieldErrors: { password: [result.error] } };
  }
  await ensureCsrfCookie();
  redirect("/signin?reset=1");
}

export async function verifyEmailFromForm(_previous: EmailLinkFormState, form: FormData): Promise<EmailLinkFormState> {
  const result = await verifyEmail({ token: formText(form, "token") });
  if (!result.ok) return failed(result);
  return { status: "done", message: `Thank you: ${result.data.email} is verified.`, fieldErrors: {} };
}

export async function sendVerificationEmailFromForm(_previous: EmailLinkFormState, _form: FormData): Promise<EmailLinkFormState> {
  const result = await sendVerificationEmail({});
  if (!result.ok) return failed(result);
  const message = result.data.alreadyVerified
    ? `${result.data.email} is already verified.`
    : `We sent a link to ${result.data.email}. It works for 24 hours.`;
  return { status: "done", message, fieldErrors: {} };
}
