"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteAccount } from "@/app/lib/server/actions/delete-account";
import { signOut } from "@/app/ui/auth/next-auth-client";

/**
 * Deletes the account once the user has typed its email and (for an account with a password)
 * the password; then the session ends and the sign-in page says it is done.
 */
export function DeleteAccount({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const t = useTranslations("accountForms");
  const [typed, setTyped] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // 403: an account without a password, signed in too long ago: offer a fresh sign-in.
  const [staleSignIn, setStaleSignIn] = useState(false);
  const tAccount = useTranslations("account");
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) return setError(t("typeEmailExactly"));
    if (hasPassword && !password) return setError(t("enterPasswordToConfirm"));
    setPending(true);
    setError(null);
    const result = await deleteAccount({ confirmEmail: typed, password: hasPassword ? password : undefined });
    if (!result.ok) {
      setPending(false);
      setStaleSignIn(result.status === 403);
      return setError(result.error);
    }
    await signOut("/signin?deleted=1");
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("deleteHelp")}
      </p>
      <label className="block text-sm">
        <span className="font-medium">{t("typeEmail", { email })}</span>
        <input
          type="email"
          name="confirmEmail"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="delete-confirm"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {hasPassword && (
        <label className="block text-sm">
          <span className="font-medium">{t("yourPassword")}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="delete-password"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
      )}
      {!hasPassword && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="delete-fresh-sign-in">{tAccount("deleteNeedsFreshSignIn")}</p>
      )}
      {error && <p role="status" className="text-sm text-red-600 dark:text-red-400" data-testid="delete-error">{error}</p>}
      {staleSignIn && (
        <button
          type="button"
          onClick={() => void signOut(`/signin?callbackUrl=${encodeURIComponent("/account")}`)}
          data-testid="delete-sign-in-again"
          className="mr-3 rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-700"
        >
          {tAccount("signInAgain")}
        </button>
      )}
      <button
        type="submit"
        disabled={pending || !matches}
        data-testid="delete-account"
        className="rounded-md bg-red-600 px-4 py-2 text-white hover:bg-red-700 disabled:opacity-50"
      >
        {pending ? t("deleting") : t("deleteButton")}
      </button>
    </form>
  );
}
