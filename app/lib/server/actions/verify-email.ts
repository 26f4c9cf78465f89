"use server";
import { verifyEmailSchema } from "@/app/lib/schemas/email-links";
import { publicAction } from "../auth/guard";
import { verifyEmail as verifyWithLink } from "../auth/email-verification";

/** Marks an address verified with its mailed link (the link is the proof; no session needed). */
export const verifyEmail = publicAction(verifyEmailSchema, async ({ token }) => verifyWithLink({ token }));
