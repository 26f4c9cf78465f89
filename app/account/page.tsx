import type { Metadata } from "next";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { ChangePasswordForm } from "@/app/ui/account/change-password-form";
import { SignOutEverywhere } from "@/app/ui/account/sign-out-everywhere";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="mx-auto max-w-xl space-y-10">
      <header>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-slate-600 dark:text-slate-400">Signed in as {user.email}</p>
      </header>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">Change password</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">This signs out every other device.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">Sessions</h2>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
