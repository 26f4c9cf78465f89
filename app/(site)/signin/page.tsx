import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { oauthProviders } from "@/app/lib/server/auth/options";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { callbackUrlFromCookie, csrfTokenFromCookie } from "@/app/ui/auth/csrf-cookie";
import { SignInForm } from "@/app/ui/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const error = first(params.error);
  const expired = first(params.csrf) === "true";
  // next-auth's error redirect drops callbackUrl; where the sign-in was headed is in its cookie.
  const callbackUrl = safeCallbackUrl(
    params.callbackUrl ?? (error || expired ? await callbackUrlFromCookie() : undefined),
  );
  if (await getSessionUser()) redirect(callbackUrl);
  const notice = first(params.deleted)
    ? "Your account and all its data were deleted."
    : first(params.everywhere)
      ? "You were signed out on every device."
      : first(params.created)
        ? "Your account is ready. Sign in to continue."
        : first(params.reset)
          ? "Your password is changed and every device was signed out. Sign in with the new password."
          : expired
            ? "The sign-in form had expired. Enter your email and password again."
            : params.callbackUrl
              ? "Sign in to continue."
              : undefined;
  const initialError = !error
    ? undefined
    : error === "CredentialsSignin"
      ? "Wrong email or password."
      : "Could not sign you in. Try again.";
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <SignInForm
        callbackUrl={callbackUrl}
        providers={oauthProviders()}
        notice={notice}
        csrfToken={await csrfTokenFromCookie()}
        initialError={initialError}
      />
    </div>
  );
}
