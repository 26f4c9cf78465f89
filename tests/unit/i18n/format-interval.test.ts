import { describe, expect, it } from "vitest";
import { formatIntervalIn } from "@/app/lib/domain/i18n/format-interval";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("answer-button intervals in the reader's language", () => {
  it("are Chinese units from Intl on Anki's steps", () => {
    expect(formatIntervalIn(10 * MINUTE, "zh-CN")).toBe("10分钟");
    expect(formatIntervalIn(3 * 60 * MINUTE, "zh-CN")).toBe("3小时");
    expect(formatIntervalIn(4 * DAY, "zh-CN")).toBe("4天");
    expect(formatIntervalIn(70 * DAY, "zh-CN")).toBe("2.3个月");
    expect(formatIntervalIn((365 / 12) * DAY * 2, "zh-CN")).toBe("2个月");
    expect(formatIntervalIn(401.5 * DAY, "zh-CN")).toBe("1.1年");
    expect(formatIntervalIn(10_000, "zh-CN")).toBe("<1分钟");
  });

  it("stay Anki's compact labels in English", () => {
    expect(formatIntervalIn(10 * MINUTE, "en")).toBe("10m");
    expect(formatIntervalIn(70 * DAY, "en")).toBe("2.3mo");
  });

  it("refuse a negative interval in either language", () => {
    expect(() => formatIntervalIn(-1, "zh-CN")).toThrow();
  });
});
