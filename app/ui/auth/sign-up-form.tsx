"use client";
import { formText } from "@/app/ui/form-value";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { signUp } from "@/app/lib/server/actions/sign-up";
import { credentialsSignIn } from "./credentials-sign-in";
import { signUpWithoutScript, type SignUpFormState } from "./sign-up-action";
import { Field } from "./field";
import { deviceTimeZone } from "@/app/ui/time-zone/device-zone";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  // Only used when the form is posted before JavaScript runs: onSubmit below handles it otherwise.
  const [posted, postAction] = useActionState<SignUpFormState, FormData>(signUpWithoutScript, {
    error: null,
    fieldErrors: {},
  });
  const shownError = error ?? posted.error;
  const shownFieldErrors = error ? fieldErrors : { ...posted.fieldErrors, ...fieldErrors };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
    };
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await signUp({ ...input, timeZone: deviceTimeZone() || undefined });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      const outcome = await credentialsSignIn(input.email, input.password);
      if (!outcome.ok) {
        // Said the same whether or not the address has an account (sign-up never tells).
        setError("This email may already have an account. Sign in with it instead; if you forgot its password, reset it from the sign-in page.");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {/* A server action: React renders it as method="POST" (never a GET with the password in the URL). */}
      <form action={postAction} onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label="Name (optional)" name="name" autoComplete="name" errors={shownFieldErrors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" errors={shownFieldErrors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="8 to 128 characters; very common passwords and your email or name are refused."
          errors={shownFieldErrors.password}
        />
        {shownError && (
          <p data-testid="signup-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {shownError}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent-600 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
