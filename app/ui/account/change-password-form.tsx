"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changePassword } from "@/app/lib/server/actions/change-password";
import { credentialsSignIn } from "@/app/ui/auth/credentials-sign-in";
import { Field } from "@/app/ui/auth/field";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export function ChangePasswordForm() {
  const t = useTranslations("accountForms");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      currentPassword: text(form.get("currentPassword")),
      newPassword: text(form.get("newPassword")),
    };
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    const result = await changePassword(input);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(result.fieldErrors ?? {});
      return setMessage({ ok: false, text: result.error });
    }
    // Every session ended, this one too: sign in again with the new password.
    await credentialsSignIn(result.data.email, input.newPassword);
    setPending(false);
    formElement.reset();
    setMessage({ ok: true, text: t("passwordChanged") });
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" errors={fieldErrors.currentPassword} />
      <Field label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" hint={t("passwordHint")} errors={fieldErrors.newPassword} />
      {message && (
        <p role="status" data-testid="password-message" className={message.ok ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-red-600 dark:text-red-400"}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60">
        {pending ? t("saving") : t("changePassword")}
      </button>
    </form>
  );
}
