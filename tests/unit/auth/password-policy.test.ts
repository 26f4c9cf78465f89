import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "@/app/lib/domain/password-policy";
import { isCommonPassword } from "@/app/lib/server/auth/password";

const account = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };
const problem = (password: string, who: { email?: string | null; name?: string | null } = account) =>
  passwordProblem(password, who, isCommonPassword);

describe("the password rule", () => {
  it("accepts a long passphrase with no composition rules", () => {
    expect(problem("correct horse battery staple 42")).toBeNull();
    expect(problem("allsmallletters")).toBeNull();
  });

  it("refuses eight spaces", () => {
    expect(problem("        ")).toBe("Use some characters other than spaces.");
  });

  it("refuses eight NUL characters", () => {
    expect(problem("\u0000".repeat(8))).toMatch(/control characters/);
  });

  it.each([["tab\there1234"], ["line\nbreak1234"], ["carriage\rreturn"], ["delete\u007fchar12"], ["c1\u0085control12"]])(
    "refuses control characters: %j",
    (password) => {
      expect(problem(password)).toMatch(/control characters/);
    },
  );

  it("refuses a common password with a leading space", () => {
    expect(problem(" password1")).toMatch(/most common/);
    expect(problem("Password1  ")).toMatch(/most common/);
    expect(problem("password123")).toMatch(/most common/);
  });

  it("refuses the account's own email", () => {
    expect(problem("ada.lovelace@example.com")).toBe("Do not use your email address or name in your password.");
    expect(problem("ADA.LOVELACE@EXAMPLE.COM")).toBe("Do not use your email address or name in your password.");
  });

  it("refuses a password containing the email or its local part", () => {
    expect(problem("my ada.lovelace@example.com!")).toMatch(/email address or name/);
    expect(problem("ada.lovelace-2024")).toMatch(/email address or name/);
  });

  it("ignores a local part shorter than four characters", () => {
    expect(problem("bob likes long walks", { email: "bob@example.com" })).toBeNull();
  });

  it("refuses the account's name, or a password containing it or a word of it", () => {
    expect(problem("Ada Lovelace")).toMatch(/email address or name/);
    expect(problem("i am ada lovelace")).toMatch(/email address or name/);
    expect(problem("lovelace rocks 99")).toMatch(/email address or name/);
  });

  it("accepts any password when the account has no name", () => {
    expect(problem("correct horse battery", { email: "x@example.com", name: null })).toBeNull();
  });

  it("counts at least 8 characters after NFKC normalisation", () => {
    expect(problem("short12")).toBe("Use at least 8 characters.");
    // Four emoji are eight UTF-16 units but four characters.
    expect(problem("🐙🐙🐙🐙")).toBe("Use at least 8 characters.");
    // One "ﬃ" ligature normalises to "ffi": 6 characters become 8.
    expect(problem("ﬃzzy42")).toBeNull();
  });

  it("allows 64 characters and more, up to 128", () => {
    expect(problem("a unique passphrase ".repeat(4).slice(0, 64))).toBeNull();
    expect(problem("a unique passphrase ".repeat(7).slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(problem("a unique passphrase ".repeat(7).slice(0, PASSWORD_MAX_LENGTH + 1))).toBe(
      "Use at most 128 characters.",
    );
  });

  it("lets spaces inside a password count, as long as there is something else", () => {
    expect(problem("  tide pool at dawn  ")).toBeNull();
  });
});
