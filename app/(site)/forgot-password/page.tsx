import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/app/ui/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-semibold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Enter your account&apos;s email address and we will mail you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
