"use server";
import { z } from "zod";
import { authedAction } from "../auth/guard";
import { db } from "../db";

/** Bumps the session version: every JWT issued before, this one included, stops working. */
export const signOutEverywhere = authedAction(z.object({}), async (user) => {
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  return { done: true };
});
