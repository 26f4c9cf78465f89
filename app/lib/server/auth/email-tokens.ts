import "#server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/app/generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";

/**
 * One-time links sent by mail. The link carries 256 random bits; the table keeps only their
 * SHA-256 (a fast hash is enough for a random secret: there is nothing to guess from), so a
 * copy of the database cannot be used to reset anyone's password.
 */
export type EmailTokenPurpose = "password-reset" | "verify-email";

export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  "password-reset": 30 * 60 * 1000,
  "verify-email": 24 * 60 * 60 * 1000,
};

/** Expired rows are kept a week (so an old link still says "expired"), then deleted. */
const KEEP_EXPIRED_MS = 7 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new link's token for this user and address; only its hash is stored. */
export async function createEmailToken(
  user: { id: string; email: string },
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.emailToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_EXPIRED_MS) } } }),
    db.emailToken.create({
      data: {
        userId: user.id,
        purpose,
        email: user.email,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return token;
}

export type LinkProblem = "unknown" | "used" | "expired";

/** A link that cannot be used: unknown 404, used or expired 410, each saying what to do next. */
export class EmailLinkError extends AppError {
  override name = "EmailLinkError";
  constructor(
    readonly problem: LinkProblem,
    purpose: EmailTokenPurpose,
  ) {
    super(linkProblemMessage(problem, purpose), problem === "unknown" ? 404 : 410);
  }
}

export function linkProblemMessage(problem: LinkProblem, purpose: EmailTokenPurpose): string {
  const again = purpose === "password-reset" ? "Ask for a new one." : "Send yourself a new one from your account page.";
  if (problem === "used") return `This link has already been used: each link works once. ${again}`;
  if (problem === "expired") {
    const hours = purpose === "password-reset" ? "30 minutes" : "24 hours";
    return `This link has expired: a link works for ${hours}. ${again}`;
  }
  return `This link is not valid. Check that the whole link was copied, or ${again.charAt(0).toLowerCase()}${again.slice(1)}`;
}

const linkRow = {
  id: true,
  userId: true,
  email: true,
  usedAt: true,
  expiresAt: true,
  user: { select: { id: true, email: true, name: true, emailVerified: true } },
} satisfies Prisma.EmailTokenSelect;

export type EmailLink = Prisma.EmailTokenGetPayload<{ select: typeof linkRow }>;

/** The link's row when it can still be used, else its problem. Reads only. */
export async function inspectEmailToken(
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<{ ok: true; link: EmailLink } | { ok: false; problem: LinkProblem }> {
  const link = await db.emailToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { ...linkRow, purpose: true } });
  // A link sent to an address the account no longer has opens nothing.
  if (!link || link.purpose !== purpose || link.email !== link.user.email) return { ok: false, problem: "unknown" };
  if (link.usedAt) return { ok: false, problem: "used" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: "expired" };
  return { ok: true, link };
}

/** The link's row, or an EmailLinkError saying why it cannot be used. */
export async function usableEmailTokenOrThrow(token: string, purpose: EmailTokenPurpose, now: Date): Promise<EmailLink> {
  const found = await inspectEmailToken(token, purpose, now);
  if (!found.ok) throw new EmailLinkError(found.problem, purpose);
  return found.link;
}

/**
 * Marks the link used, inside the caller's transaction, together with every other unused link
 * of the same purpose for that user (one reset ends all outstanding ones). Only the request
 * that flips it from unused runs the rest of the transaction: two clicks at once cannot both
 * reset the password.
 */
export async function consumeEmailToken(
  tx: Prisma.TransactionClient,
  link: EmailLink,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<void> {
  const claimed = await tx.emailToken.updateMany({
    where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) {
    throw new EmailLinkError(link.expiresAt.getTime() <= now.getTime() ? "expired" : "used", purpose);
  }
  await tx.emailToken.updateMany({ where: { userId: link.userId, purpose, usedAt: null }, data: { usedAt: now } });
}
