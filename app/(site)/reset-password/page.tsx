import type { Metadata } from "next";
import { inspectEmailToken, linkProblemMessage } from "@/app/lib/server/auth/email-tokens";
import { LinkProblem } from "@/app/ui/auth/link-problem";
import { ResetPasswordForm } from "@/app/ui/auth/reset-password-form";

// The token is in this page's address: no link to another site may carry it on in a Referer.
// ("no-referrer" would also make the browser send `Origin: null` with the form's post, which
// the same-origin check refuses.)
export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  // Looked at only: the link is used up by the form's post, never by opening it.
  const found = token ? await inspectEmailToken(token, "password-reset", new Date()) : null;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-2xl font-semibold">Choose a new password</h1>
      {found?.ok ? (
        <ResetPasswordForm token={token} email={found.link.user.email} />
      ) : (
        <LinkProblem
          message={linkProblemMessage(found?.problem ?? "unknown", "password-reset")}
          href="/forgot-password"
          label="Ask for a new link"
        />
      )}
    </div>
  );
}
