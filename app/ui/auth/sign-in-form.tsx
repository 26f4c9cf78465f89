"use client";
import { formText } from "@/app/ui/form-value";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useServerError } from "@/app/ui/i18n/use-server-error";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { credentialsSignIn } from "./credentials-sign-in";
import { signInWithProvider } from "./next-auth-client";
import { Field } from "./field";
import { FormError, SubmitButton } from "./form-parts";

export function SignInForm({
  callbackUrl,
  providers,
  notice,
  csrfToken,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  notice?: string;
  /** From the visitor's next-auth CSRF cookie, for a post made before JavaScript runs ("" if none). */
  csrfToken: string;
  initialError?: string;
}) {
  const t = useTranslations("auth");
  const serverError = useServerError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const outcome = await credentialsSignIn(formText(form, "email"), formText(form, "password"));
      if (!outcome.ok) {
        setError(outcome.refused ? serverError(outcome.refused) : t("wrong"));
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
      {notice && (
        <p className="rounded-md bg-accent-50 px-3 py-2 text-sm text-accent-700 dark:bg-slate-800 dark:text-slate-200">{notice}</p>
      )}
      {/* Posted to next-auth as a plain form until JavaScript runs; onSubmit takes over after. */}
      <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label={t("email")} name="email" type="email" autoComplete="email" />
        <Field label={t("password")} name="password" type="password" autoComplete="current-password" />
        <p className="text-right text-sm">
          <Link href="/forgot-password" className="text-accent-600 underline">
            {t("forgot")}
          </Link>
        </p>
        {error && (
          <FormError testId="signin-error">{error}</FormError>
        )}
        <SubmitButton pending={pending}>{pending ? t("signingIn") : t("signIn")}</SubmitButton>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2">
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              onClick={() => void signInWithProvider(p.id, callbackUrl)}
              className="w-full rounded-md border border-slate-300 px-4 py-2 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
            >
              {t("continueWith", { provider: p.name })}
            </button>
          ))}
        </div>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("newHere")}{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent-600 underline">
          {t("createAccount")}
        </Link>
      </p>
    </div>
  );
}
