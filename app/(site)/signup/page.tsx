import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { SignUpForm } from "@/app/ui/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-semibold">Create an account</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        An account keeps your reviews, quiz results and progress.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
