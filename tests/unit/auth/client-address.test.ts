import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/app/lib/domain/client-address";

describe("the client's address for rate limits", () => {
  it("rotating X-Forwarded-For does not change the address when no proxy is trusted", () => {
    const seen = new Set(
      Array.from({ length: 300 }, (_, i) => clientAddress(`10.0.${i >> 8}.${i & 255}`, "203.0.113.9", 0)),
    );
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("takes the hop the one trusted proxy saw, not what the client wrote before it", () => {
    expect(clientAddress("1.1.1.1, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(clientAddress("spoofed, 1.1.1.1, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
  });

  it("reads an IPv4-mapped socket address as the IPv4 address", () => {
    expect(clientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("never returns header text that is not an address", () => {
    expect(clientAddress("<script>, x\u0000y", "10.0.0.2", 1)).toBe("invalid");
  });

  it("refuses a TRUSTED_PROXIES value that is not a small whole number", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies("2")).toBe(2);
    expect(() => parseTrustedProxies("-1")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("yes")).toThrow(/TRUSTED_PROXIES/);
  });
});
