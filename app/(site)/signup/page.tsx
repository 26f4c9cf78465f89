import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { SignUpForm } from "@/app/ui/auth/sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 text-2xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        {t("signUpIntro")}
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
