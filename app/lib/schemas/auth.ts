import { z } from "zod";
import { timeZoneSchema } from "./settings";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }));

/** Only a bound on the input's size: the password rule itself (length after NFKC, control
 * characters, common list, the account's own details) is passwordProblem(), which the actions
 * apply. 128 characters can be up to 512 UTF-16 units (emoji), and NFKC can lengthen text. */
const PASSWORD_INPUT_LIMIT = 1024;

export const passwordSchema = z
  .string()
  .min(1, "Enter a password.")
  .max(PASSWORD_INPUT_LIMIT, "Use at most 128 characters.");

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_INPUT_LIMIT) });

export const signUpSchema = z.object({
  name: z.string().trim().max(80, "Keep the name under 80 characters.").optional(),
  email: emailSchema,
  password: passwordSchema,
  // The browser's zone, so a new account's days start at the user's midnight, not UTC's.
  // A zone this server does not know is dropped (UTC, changeable in settings), not an error.
  timeZone: timeZoneSchema.optional().catch(undefined),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(128),
  newPassword: passwordSchema,
});
