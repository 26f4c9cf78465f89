import { describe, expect, it } from "vitest";
import { isSessionCookie } from "@/app/lib/server/http/cookies";

describe("the proxy's session-cookie test", () => {
  it("knows the token under both names and in the chunks next-auth splits a large token into", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0", "__Secure-next-auth.session-token.1"]) {
      expect(isSessionCookie(name), name).toBe(true);
    }
  });
  it("is not fooled by other cookies", () => {
    for (const name of ["next-auth.csrf-token", "__Host-next-auth.csrf-token", "my-next-auth.session-token", "next-auth.session-token.x", "next-auth.callback-url"]) {
      expect(isSessionCookie(name), name).toBe(false);
    }
  });
});
