"use server";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { signUp } from "@/app/lib/server/actions/sign-up";
import { formText } from "@/app/ui/form-value";
import { ensureCsrfCookie } from "./csrf-cookie";

export type SignUpFormState = { error: string | null; fieldErrors: Record<string, string[]> };

/**
 * The sign-up form's action when it is posted before the page's JavaScript runs (with
 * JavaScript the form calls signUp itself and signs in). Creates the account, then sends the
 * visitor to sign in, with the CSRF cookie that sign-in form post needs already set.
 */
export async function signUpWithoutScript(_previous: SignUpFormState, form: FormData): Promise<SignUpFormState> {
  const callbackUrl = safeCallbackUrl(formText(form, "callbackUrl"));
  const result = await signUp({
    name: formText(form, "name"),
    email: formText(form, "email"),
    password: formText(form, "password"),
  });
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors ?? {} };
  await ensureCsrfCookie();
  redirect(`/signin?${new URLSearchParams({ callbackUrl, created: "1" })}`);
}
