import { z } from "zod";
import { emailSchema, passwordSchema } from "./auth";

/** A mailed link's token as it comes back from the page (a malformed one is simply unknown). */
export const emailLinkTokenSchema = z.string().trim().min(1, "This link has no token.").max(200, "This link is not valid.");

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ token: emailLinkTokenSchema, password: passwordSchema });

export const verifyEmailSchema = z.object({ token: emailLinkTokenSchema });
