import "#server-only";
import { passwordProblem } from "@/app/lib/domain/password-policy";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { db } from "../db";
import { BadRequestError, TooManyRequestsError } from "../errors";
import { mailLocale, mailText } from "../i18n/mail-text";
import { linkTo, sendMail } from "../mail";
import { consumeEmailToken, createEmailToken, usableEmailTokenOrThrow } from "./email-tokens";
import { hashPassword, isCommonPassword } from "./password";
import { consumePasswordResetRequest, liftSignInLockout } from "./rate-limit";

/** The one answer to a reset request, whether or not an account has the address. */
export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent a link to it. The link works for 30 minutes.";

/** Work that may run after the answer has been sent (Next's `after`), or at once. */
export type Schedule = (work: () => Promise<void>) => void | Promise<void>;
const runNow: Schedule = (work) => work();

/** "40 seconds", "12 minutes": how long to wait, for a message. */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Mails a reset link when an account has this address, and answers the same either way: the
 * rate limit is counted before the account is looked up, and the look-up, the token and the
 * mail are `schedule`d, which the action runs after its answer has gone, so neither the answer
 * nor its timing says whether the address has an account.
 */
export async function requestPasswordReset(
  input: { email: string; ip: string; now?: Date; locale?: Locale },
  schedule: Schedule = runNow,
): Promise<{ message: string }> {
  const wait = await consumePasswordResetRequest(input.email, input.ip);
  if (wait > 0) {
    throw new TooManyRequestsError(
      `Too many reset links were asked for this address or from your network. Try again in ${waitInWords(wait)}.`,
      wait,
    );
  }
  await schedule(() => mailResetLink(input.email, input.now ?? new Date(), input.locale));
  return { message: RESET_REQUESTED_MESSAGE };
}

async function mailResetLink(email: string, now: Date, requested: Locale | undefined): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  const token = await createEmailToken(user, "password-reset", now);
  const t = await mailText(await mailLocale(user.id, requested));
  await sendMail({
    to: user.email,
    subject: t("reset.subject"),
    paragraphs: [t("reset.open", { email: user.email }), t("reset.once"), t("reset.ignore")],
    link: { href: linkTo(`/reset-password?token=${token}`), label: t("reset.link") },
  });
}

/**
 * Sets a new password with a reset link (the sign-up password rule applies), ends every session
 * of the account (its session version moves on, as "sign out everywhere" does) and uses the link
 * up, with any other reset link the account had outstanding. Following the link also shows the
 * address receives mail, so an unverified address becomes verified, and it lifts the account's
 * sign-in lockout (the per-account and per-pair counters of failed sign-ins).
 */
export async function resetPassword(input: { token: string; password: string; now?: Date }): Promise<{ email: string }> {
  const now = input.now ?? new Date();
  const link = await usableEmailTokenOrThrow(input.token, "password-reset", now);
  const problem = passwordProblem(input.password, { email: link.user.email, name: link.user.name }, isCommonPassword);
  if (problem) throw new BadRequestError(problem);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await consumeEmailToken(tx, link, "password-reset", now);
    await tx.user.update({
      where: { id: link.userId },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        ...(link.user.emailVerified ? {} : { emailVerified: now }),
      },
    });
  });
  await liftSignInLockout(link.user.email);
  return { email: link.user.email };
}
