"use client";
import { formText } from "@/app/ui/form-value";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { signUp } from "@/app/lib/server/actions/sign-up";
import { credentialsSignIn } from "./credentials-sign-in";
import { signUpWithoutScript, type SignUpFormState } from "./sign-up-action";
import { Field } from "./field";
import { deviceTimeZone } from "@/app/ui/time-zone/device-zone";
import { FormError, SubmitButton } from "./form-parts";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
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
        setError(t("mayExist"));
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError(t("unreachable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {/* A server action: React renders it as method="POST" (never a GET with the password in the URL). */}
      <form action={postAction} onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label={t("name")} name="name" autoComplete="name" errors={shownFieldErrors.name} />
        <Field label={t("email")} name="email" type="email" autoComplete="email" errors={shownFieldErrors.email} />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("passwordHint")}
          errors={shownFieldErrors.password}
        />
        {shownError && (
          <FormError testId="signup-error">{shownError}</FormError>
        )}
        <SubmitButton pending={pending}>{pending ? t("creating") : t("createButton")}</SubmitButton>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("haveAccount")}{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent-600 underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
