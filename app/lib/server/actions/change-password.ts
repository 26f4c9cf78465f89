"use server";
import { passwordProblem } from "@/app/lib/domain/password-policy";
import { changePasswordSchema } from "@/app/lib/schemas/auth";
import { authedAction } from "../auth/guard";
import { hashPassword, isCommonPassword, verifyPassword } from "../auth/password";
import { db } from "../db";
import { BadRequestError } from "../errors";

/** Changes the password and ends every session; the page signs in again with the new one. */
export const changePassword = authedAction(changePasswordSchema, async (user, input) => {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new BadRequestError("The current password is wrong.");
  }
  const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name }, isCommonPassword);
  if (problem) throw new BadRequestError(problem);
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
  return { email: user.email };
});
