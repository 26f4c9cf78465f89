import { describe, expect, it } from "vitest";
import { sha256Hex as browserSha256 } from "@/app/lib/domain/content/sha256.browser";
import { sha256Hex as nodeSha256 } from "@/app/lib/domain/content/sha256.node";

describe("the browser's SHA-256 (the editor's preview hashes notes as the server does)", () => {
  it.each(["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "对比学习 $x^2$ ==term==", "x".repeat(100_000)])(
    "gives Node's digest for %#",
    (text) => {
      expect(browserSha256(text)).toBe(nodeSha256(text));
    },
  );

  it("matches the standard's test vector", () => {
    expect(browserSha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
