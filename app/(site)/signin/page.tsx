import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { oauthProviders } from "@/app/lib/server/auth/options";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { SignInForm } from "@/app/ui/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const notice = params.callbackUrl ? "Sign in to continue." : undefined;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} notice={notice} />
    </div>
  );
}
