import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/app/lib/domain/safe-redirect";

describe("safeCallbackUrl", () => {
  it.each([
    ["/review", "/review"],
    ["/papers/moco?x=1", "/papers/moco?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
  ])("maps %s to %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
