import { describe, expect, it } from "vitest";
import { attemptLabels } from "@/app/ui/progress/attempt-labels";

describe("attemptLabels", () => {
  it("gives one day's attempts their times, in the user's zone, so no two labels read alike", () => {
    const labels = attemptLabels(
      ["2026-12-06T23:30:00Z", "2026-12-07T01:00:00Z", "2026-12-07T06:05:00Z", "2026-12-07T06:05:30Z", "2026-12-09T10:00:00Z"],
      "Asia/Shanghai",
    );
    // 23:30 UTC on the 6th is 07:30 on the 7th in Shanghai: four attempts share the 7th.
    expect(labels).toEqual(["7 Dec 07:30", "7 Dec 09:00", "7 Dec 14:05", "7 Dec 14:05 (2)", "9 Dec"]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("labels a lone attempt by its day only", () => {
    expect(attemptLabels(["2026-01-31T12:00:00Z"], "UTC")).toEqual(["31 Jan"]);
  });
});
