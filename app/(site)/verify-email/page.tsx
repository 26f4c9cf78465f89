import type { Metadata } from "next";
import { inspectEmailToken, linkProblemMessage } from "@/app/lib/server/auth/email-tokens";
import { LinkProblem } from "@/app/ui/auth/link-problem";
import { VerifyEmailForm } from "@/app/ui/auth/verify-email-form";

// The token is in this page's address: no link to another site may carry it on in a Referer.
// ("no-referrer" would also make the browser send `Origin: null` with the form's post, which
// the same-origin check refuses.)
export const metadata: Metadata = { title: "Verify your email address", referrer: "same-origin" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const found = token ? await inspectEmailToken(token, "verify-email", new Date()) : null;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">Verify your email address</h1>
      {found?.ok ? (
        <VerifyEmailForm token={token} email={found.link.user.email} />
      ) : (
        <LinkProblem
          message={linkProblemMessage(found?.problem ?? "unknown", "verify-email")}
          href="/account"
          label="Go to your account page"
        />
      )}
    </div>
  );
}
