"use server";
import { after } from "next/server";
import { headers } from "next/headers";
import { requestPasswordResetSchema } from "@/app/lib/schemas/email-links";
import { clientIp } from "../auth/client-ip";
import { publicAction } from "../auth/guard";
import { requestPasswordReset as mailResetLinkIfAccount } from "../auth/password-reset";
import { readerLocale } from "../i18n/reader-locale";

/**
 * "Forgot password": the same answer for every address. The account look-up and the mail run
 * after the answer has been sent, so its timing says nothing either; a mail that fails is logged.
 */
export const requestPasswordReset = publicAction(requestPasswordResetSchema, async ({ email }) =>
  // The mail is in the account's language, else in the one this request came in.
  mailResetLinkIfAccount({ email, ip: clientIp(await headers()), locale: (await readerLocale()).locale }, (work) =>
    after(() => work().catch((error: unknown) => console.error("[mail] a password reset mail could not be sent:", error))),
  ),
);
