"use server";
import { headers } from "next/headers";
import { passwordProblem } from "@/app/lib/domain/password-policy";
import { signUpSchema } from "@/app/lib/schemas/auth";
import { publicAction } from "../auth/guard";
import { clientIp } from "../auth/client-ip";
import { hashPassword, isCommonPassword } from "../auth/password";
import { consumeSignUp } from "../auth/rate-limit";
import { db } from "../db";
import { BadRequestError, TooManyRequestsError } from "../errors";

/** Creates an account. An address already in use gets the same answer as a new one would
 * after sign-in fails, so sign-up cannot be used to list accounts. */
export const signUp = publicAction(signUpSchema, async ({ name, email, password, timeZone }) => {
  const problem = passwordProblem(password, { email, name }, isCommonPassword);
  if (problem) throw new BadRequestError(problem);
  const wait = await consumeSignUp(clientIp(await headers()));
  if (wait > 0) throw new TooManyRequestsError(`Too many sign-ups from here. Try again in ${wait} s.`, wait);
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!existing) {
    await db.user.create({ data: { email, name: name || null, passwordHash, settings: { create: timeZone ? { timeZone } : {} } } });
  }
  return { email };
});
