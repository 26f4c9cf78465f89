"use server";
import { resetPasswordSchema } from "@/app/lib/schemas/email-links";
import { publicAction } from "../auth/guard";
import { resetPassword as resetWithLink } from "../auth/password-reset";

/** Sets a new password with a mailed reset link; every session of the account ends. */
export const resetPassword = publicAction(resetPasswordSchema, async ({ token, password }) => resetWithLink({ token, password }));
