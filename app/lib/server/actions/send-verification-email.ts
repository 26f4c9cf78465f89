"use server";
import { z } from "zod";
import { authedAction } from "../auth/guard";
import { sendVerificationLink } from "../auth/email-verification";
import { readerLocale } from "../i18n/reader-locale";

/** Mails the signed-in user a link that verifies their address. */
export const sendVerificationEmail = authedAction(z.object({}), async (user) =>
  sendVerificationLink(user.id, new Date(), (await readerLocale()).locale),
);
