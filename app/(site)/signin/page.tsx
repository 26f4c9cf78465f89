import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { oauthProviders } from "@/app/lib/server/auth/options";
import { OAUTH_UNVERIFIED_ERROR } from "@/app/lib/server/auth/oauth-link";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { callbackUrlFromCookie, csrfTokenFromCookie } from "@/app/ui/auth/csrf-cookie";
import { SignInForm } from "@/app/ui/auth/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

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
  const t = await getTranslations("auth");
  const notice = first(params.deleted)
    ? t("deleted")
    : first(params.everywhere)
      ? t("everywhere")
      : first(params.created)
        ? t("created")
        : first(params.reset)
          ? t("reset")
          : expired
            ? t("expired")
            : params.callbackUrl
              ? t("toContinue")
              : undefined;
  const initialError = !error
    ? undefined
    : error === "CredentialsSignin"
      ? t("wrong")
      : error === OAUTH_UNVERIFIED_ERROR
        ? t("oauthUnverified")
        : t("failed");
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">{t("signInTitle")}</h1>
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
