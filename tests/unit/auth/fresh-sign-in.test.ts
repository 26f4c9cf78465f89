import { describe, expect, it } from "vitest";
import { FRESH_SIGN_IN_MS, isFreshSignIn } from "@/app/lib/domain/account/fresh-sign-in";

describe("a fresh sign-in", () => {
  const now = Date.UTC(2026, 11, 7, 21, 0);
  it("is one from the last five minutes", () => {
    expect(isFreshSignIn(now - 60_000, now)).toBe(true);
    expect(isFreshSignIn(now - FRESH_SIGN_IN_MS, now)).toBe(true);
    expect(isFreshSignIn(now - FRESH_SIGN_IN_MS - 1, now)).toBe(false);
  });
  it("is never a session without a sign-in time, nor one dated well in the future", () => {
    expect(isFreshSignIn(null, now)).toBe(false);
    expect(isFreshSignIn(now + 5 * 60_000, now)).toBe(false);
  });
});
