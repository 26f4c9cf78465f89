import "#server-only";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { db } from "../db";
import { AppError, TooManyRequestsError } from "../errors";
import { mailLocale, mailText } from "../i18n/mail-text";
import { linkTo, sendMail } from "../mail";
import { consumeEmailToken, createEmailToken, usableEmailTokenOrThrow } from "./email-tokens";
import { waitInWords } from "./password-reset";
import { consumeVerificationRequest } from "./rate-limit";

/** When the user's address was shown to receive mail, or null while it has not been. */
export async function emailVerifiedAt(userId: string): Promise<Date | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return user?.emailVerified ?? null;
}

/**
 * Mails the signed-in user a link that verifies their address (24 hours, once). Nothing is
 * blocked until then: the state is shown on the account page only.
 */
export async function sendVerificationLink(
  userId: string,
  now = new Date(),
  requested?: Locale,
): Promise<{ email: string; alreadyVerified: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, emailVerified: true } });
  if (user.emailVerified) return { email: user.email, alreadyVerified: true };
  const wait = await consumeVerificationRequest(user.id);
  if (wait > 0) {
    throw new TooManyRequestsError(`Too many verification links were sent. Try again in ${waitInWords(wait)}.`, wait);
  }
  const token = await createEmailToken(user, "verify-email", now);
  const t = await mailText(await mailLocale(user.id, requested));
  try {
    await sendMail({
      to: user.email,
      subject: t("verify.subject"),
      paragraphs: [t("verify.open", { email: user.email }), t("verify.ignore")],
      link: { href: linkTo(`/verify-email?token=${token}`), label: t("verify.link") },
    });
  } catch (error) {
    console.error("[mail] the verification mail could not be sent:", error);
    throw new AppError("The mail could not be sent just now. Try again in a few minutes.", 503);
  }
  return { email: user.email, alreadyVerified: false };
}

/** Uses a verification link up and marks its address verified. */
export async function verifyEmail(input: { token: string; now?: Date }): Promise<{ email: string }> {
  const now = input.now ?? new Date();
  const link = await usableEmailTokenOrThrow(input.token, "verify-email", now);
  await db.$transaction(async (tx) => {
    await consumeEmailToken(tx, link, "verify-email", now);
    await tx.user.update({ where: { id: link.userId }, data: { emailVerified: link.user.emailVerified ?? now } });
  });
  return { email: link.user.email };
}
