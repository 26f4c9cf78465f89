import "#server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import { storedQuizScopeSchema, type StoredQuizScope } from "@/app/lib/schemas/quiz";

/**
 * Quiz attempts (split by what each file does: owner, start, view, answer, guests): who owns
 * an attempt, and the scope and seed it keeps. Every function of the family takes the owner
 * and scopes its query to it.
 */

export type QuizOwner = { kind: "user"; userId: string } | { kind: "guest"; guestToken: string };

/** The attempts this owner may see: a guest's only while no user has claimed them. */
export function quizOwnerWhere(owner: QuizOwner): Prisma.QuizAttemptWhereInput {
  return owner.kind === "user" ? { userId: owner.userId } : { guestToken: owner.guestToken, userId: null };
}

/** The owner columns of a new attempt. */
export function ownerData(owner: QuizOwner) {
  return owner.kind === "user" ? { userId: owner.userId } : { guestToken: owner.guestToken };
}

export function newSeed(): string {
  return randomBytes(9).toString("base64url");
}

/** The key that groups attempts of "the same quiz" in the history. */
export function quizKeyOf(scope: StoredQuizScope): string {
  switch (scope.kind) {
    case "note":
      return `note:${scope.slug}`;
    case "areas":
      return `areas:${[...scope.areas].sort().join("+")}`;
    case "weak":
      return "weak";
    case "retake":
      return `retake:${scope.of}`;
  }
}

export function parseScope(value: unknown): StoredQuizScope {
  const parsed = storedQuizScopeSchema.safeParse(value);
  return parsed.success ? parsed.data : { kind: "weak" };
}
