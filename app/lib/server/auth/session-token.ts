import "#server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type GetTokenParams, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env } from "../env";
import { secureCookies } from "../http/cookies";

/**
 * next-auth's session JWT decode with the encryption key derived once per secret.
 *
 * next-auth v4 derives the key (HKDF-SHA256 of the secret) on every decode, which was the
 * largest single cost of an answer request. The key depends only on the secret and the salt,
 * so it is cached; the decryption itself is the same (dir + A256GCM, 15 s clock tolerance).
 */
const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(String(secret), salt), { clockTolerance: 15 });
  return payload;
}

declare const fromSessionToken: unique symbol;

/**
 * What a genuine session JWT says about its sign-in: the user, the session version it was
 * issued at, and the sign-in's id. Not yet checked against the database: a function that takes
 * claims instead of a `SessionUser` (the answer path, `answerCard`) must compare the version and
 * the revocation in its own read, and its signature makes it take them. Branded, so that only
 * `sessionClaimsOf` makes one: a caller cannot hand in a literal and skip the check.
 */
export type SessionClaims = {
  readonly userId: string;
  readonly sessionVersion: number;
  readonly sessionId: string;
} & { readonly [fromSessionToken]: true };

/** The claims of a decoded session JWT, or null when it lacks one (an older or foreign token). */
export function sessionClaimsOf(token: Pick<JWT, "uid" | "sv" | "sid"> | null): SessionClaims | null {
  if (typeof token?.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return { userId: token.uid, sessionVersion: token.sv, sessionId: token.sid } as SessionClaims;
}

/**
 * The request's session claims, from its session cookie decoded with the cached key: no
 * database read (the caller checks them in its own), so the hottest request pays one decrypt.
 * Null without a valid session cookie.
 */
export async function readSessionClaims(req: GetTokenParams["req"]): Promise<SessionClaims | null> {
  const token = await getToken({
    req,
    secret: env().NEXTAUTH_SECRET,
    secureCookie: secureCookies(),
    decode: decodeSessionToken,
  });
  return sessionClaimsOf(token);
}
