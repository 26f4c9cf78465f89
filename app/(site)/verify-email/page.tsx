import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { inspectEmailToken, linkProblemMessage } from "@/app/lib/server/auth/email-tokens";
import { serverMessageForReader } from "@/app/lib/server/i18n/server-message";
import { LinkProblem } from "@/app/ui/auth/link-problem";
import { VerifyEmailForm } from "@/app/ui/auth/verify-email-form";

// The token is in this page's address: no link to another site may carry it on in a Referer.
// ("no-referrer" would also make the browser send `Origin: null` with the form's post, which
// the same-origin check refuses.)
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailLinks");
  return { title: t("verifyTitle"), referrer: "same-origin" };
}

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const found = token ? await inspectEmailToken(token, "verify-email", new Date()) : null;
  const t = await getTranslations("emailLinks");
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">{t("verifyTitle")}</h1>
      {found?.ok ? (
        <VerifyEmailForm token={token} email={found.link.user.email} />
      ) : (
        <LinkProblem
          message={await serverMessageForReader(linkProblemMessage(found?.problem ?? "unknown", "verify-email"))}
          href="/account"
          label={t("toAccount")}
        />
      )}
    </div>
  );
}
