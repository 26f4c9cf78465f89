"use server";
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
  if (isCommonPassword(input.newPassword)) {
    throw new BadRequestError("This password is one of the 10,000 most common ones. Choose another.");
  }
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
  return { email: user.email };
});
