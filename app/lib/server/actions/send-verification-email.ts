"use server";
import { z } from "zod";
import { authedAction } from "../auth/guard";
import { sendVerificationLink } from "../auth/email-verification";

/** Mails the signed-in user a link that verifies their address. */
export const sendVerificationEmail = authedAction(z.object({}), async (user) => sendVerificationLink(user.id));
