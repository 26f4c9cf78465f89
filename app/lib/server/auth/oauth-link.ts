import "#server-only";
import { db } from "../db";

/** The sign-in page's `error` code when an OAuth sign-in was refused for an unverified account. */
export const OAUTH_UNVERIFIED_ERROR = "OAuthUnverified";

interface OAuthSignIn {
  email: string;
  name: string | null;
  image: string | null;
  provider: string;
  providerAccountId: string;
  type: string;
}

/**
 * Whether an OAuth sign-in must be refused rather than linked: an account with this email
 * exists, is not yet linked to this provider account, and its email was never verified. Anyone
 * can sign up with a password under someone else's address; linking the address's real owner
 * to that account on their first OAuth sign-in would hand the squatter a session into it (the
 * "pre-account takeover"). Once the address is verified (a mailed link), linking is safe.
 */
export async function oauthLinkRefused(input: Pick<OAuthSignIn, "email" | "provider" | "providerAccountId">): Promise<boolean> {
  const existing = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { emailVerified: true, accounts: { where: { provider: input.provider, providerAccountId: input.providerAccountId }, select: { id: true } } },
  });
  return Boolean(existing && !existing.emailVerified && existing.accounts.length === 0);
}

/**
 * Finds or creates the user behind an OAuth sign-in and links the provider account. Refuses
 * (throws) what `oauthLinkRefused` refuses, so a caller that skipped the check links nothing.
 */
export async function userForOAuth(input: OAuthSignIn) {
  if (await oauthLinkRefused(input)) throw new Error("OAuth sign-in refused: the account's email is not verified");
  const user = await db.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, image: input.image, emailVerified: new Date() },
    update: {},
  });
  await db.account.upsert({
    where: {
      provider_providerAccountId: {
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      },
    },
    create: {
      userId: user.id,
      type: input.type,
      provider: input.provider,
      providerAccountId: input.providerAccountId,
    },
    update: {},
  });
  return user;
}
