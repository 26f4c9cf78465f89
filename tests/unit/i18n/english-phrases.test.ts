import { describe, expect, it } from "vitest";
import { englishOn, englishOnlyFragments, englishRuns } from "@/tests/e2e/english-phrases";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("the English-on-a-Chinese-page check", () => {
  const fragments = englishOnlyFragments(en, zh);

  it("knows the catalogue's English fragments, cut at arguments", () => {
    expect(fragments).toContain("Save settings");
    expect(fragments).toContain("Could not reach the server. Check your connection and try again.");
    expect(fragments.some((f) => f.includes("{"))).toBe(false);
  });

  it("fails on an English message left on a Chinese page", () => {
    expect(englishOn(["复习", "Save settings"], fragments)).toContain("catalogue: “Save settings”");
    expect(englishOn(["Nobody put this sentence in the catalogue"], fragments)).toEqual([
      "words: “Nobody put this sentence in the catalogue”",
    ]);
  });

  it("lets Chinese text with English terms pass", () => {
    expect(englishOn(["对比学习 (contrastive learning) 是一种方法", "FSRS 权重", "Ctrl+Z", "MoCo v2"], fragments)).toEqual([]);
    expect(englishRuns("动量编码器 (momentum encoder)")).toEqual([]);
  });
});
