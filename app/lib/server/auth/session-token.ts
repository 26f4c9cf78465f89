import "#server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

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

