import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "@/app/lib/server/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("a long and unusual passphrase");
    expect(stored.startsWith("scrypt$32768$8$1$")).toBe(true);
    await expect(verifyPassword("a long and unusual passphrase", stored)).resolves.toBe(true);
    await expect(verifyPassword("a long and unusual passphrasE", stored)).resolves.toBe(false);
  });

  it("salts each hash, so the same password hashes differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
  });

  it("refuses every password for an unknown user after doing the same work", async () => {
    await expect(verifyPassword("anything at all", null)).resolves.toBe(false);
  });

  it("knows the most common passwords, whatever their case", () => {
    expect(isCommonPassword("password1")).toBe(true);
    expect(isCommonPassword("Qwerty123")).toBe(true);
    expect(isCommonPassword("correct horse battery staple 42")).toBe(false);
  });
});

describe("password normalisation", () => {
  it("finds a common password with surrounding spaces or full-width letters", () => {
    expect(isCommonPassword(" password1")).toBe(true);
    expect(isCommonPassword("ｐａｓｓｗｏｒｄ１")).toBe(true);
  });

  it("verifies a password typed composed against one set decomposed (NFKC before hashing)", async () => {
    const stored = await hashPassword("caf\u0065\u0301 au lait tous les matins");
    await expect(verifyPassword("caf\u00e9 au lait tous les matins", stored)).resolves.toBe(true);
  });
});
