import { describe, expect, it } from "vitest";
import { nextAuthRedirect, safeCallbackUrl } from "@/app/lib/domain/safe-redirect";

/** What a Location header may hold: visible ASCII only (no CR/LF, nothing beyond Latin-1). */
const VALID_LOCATION = /^[\x21-\x7e]*$/;

describe("safeCallbackUrl", () => {
  it.each([
    ["/review", "/review"],
    ["/papers/moco?x=1", "/papers/moco?x=1"],
    ["/papers/moco?x=1#card-2", "/papers/moco?x=1#card-2"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("maps %s to %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["/\t/evil.example/"],
    ["/\r/evil.example/"],
    ["/\n/evil.example/"],
    ["/\r\n/evil.example/"],
    ["\t//evil.example/"],
    [" //evil.example/"],
    ["/\t\\evil.example/"],
  ])("refuses a TAB, CR or LF that a browser drops to turn %j into //evil.example/", (input) => {
    expect(safeCallbackUrl(input)).toBe("/");
  });

  it.each([["\\\\evil.example"], ["\\/evil.example"], ["/\\\\evil.example"], ["///evil.example"]])(
    "refuses backslashes and extra slashes that browsers read as a host: %j",
    (input) => {
      expect(safeCallbackUrl(input)).toBe("/");
    },
  );

  it.each([["/.//evil.example/"], ["/..//evil.example/"], ["/%2e//evil.example/"], ["/review/../..//evil.example"]])(
    "refuses dot segments that leave a protocol-relative path behind: %j",
    (input) => {
      expect(safeCallbackUrl(input)).toBe("/");
    },
  );

  it.each([
    ["https://evil.example/"],
    ["http://evil.example"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["http://paperdeck.invalid:8080/"],
  ])("refuses another origin or scheme: %j", (input) => {
    expect(safeCallbackUrl(input)).toBe("/");
  });

  it("returns a non-ASCII path percent-encoded, so it round-trips instead of coming back garbled", () => {
    const target = safeCallbackUrl("/été?q=naïve#ç");
    expect(target).toBe("/%C3%A9t%C3%A9?q=na%C3%AFve#%C3%A7");
    expect(target).toMatch(VALID_LOCATION);
    expect(decodeURIComponent(target)).toBe("/été?q=naïve#ç");
  });

  it.each([["/%00"], ["/\u0000x"], ["/a\r\nSet-Cookie: x=1"], ["/日本語"], ["/\u2028"], ['/x?"<>`']])(
    "always gives a valid Location header, never a 500: %j",
    (input) => {
      const target = safeCallbackUrl(input);
      expect(target.startsWith("/")).toBe(true);
      expect(target.startsWith("//")).toBe(false);
      expect(target).toMatch(VALID_LOCATION);
    },
  );

  it("keeps an encoded NUL as an encoded, same-site path", () => {
    expect(safeCallbackUrl("/%00")).toBe("/%00");
  });

  it("takes the first of repeated callbackUrl parameters", () => {
    expect(safeCallbackUrl(["/review", "https://evil.example"])).toBe("/review");
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = "http://localhost:3000";

  it("keeps a path or an absolute URL of this site, encoded", () => {
    expect(nextAuthRedirect({ url: "/review", baseUrl })).toBe("http://localhost:3000/review");
    expect(nextAuthRedirect({ url: "http://localhost:3000/account?x=1", baseUrl })).toBe(
      "http://localhost:3000/account?x=1",
    );
    expect(nextAuthRedirect({ url: "/été", baseUrl })).toBe("http://localhost:3000/%C3%A9t%C3%A9");
  });

  it.each([
    ["/\t/evil.example/"],
    ["//evil.example/"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["/.//evil.example"],
    ["http://localhost:3001/"],
  ])("sends a malformed or off-site callbackUrl parameter or cookie home instead: %j", (url) => {
    expect(nextAuthRedirect({ url, baseUrl })).toBe("http://localhost:3000/");
  });

  it.each([["/a\r\nSet-Cookie: x=1"], ["/日本語"], ["/\u0000"]])(
    "never answers with an invalid Location header: %j",
    (url) => {
      const target = nextAuthRedirect({ url, baseUrl });
      expect(target.startsWith("http://localhost:3000/")).toBe(true);
      expect(target).toMatch(VALID_LOCATION);
    },
  );
});
