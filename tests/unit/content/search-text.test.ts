import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "@/app/lib/domain/content/plain-text";
import { compactQuery, joinedSpellings } from "@/app/lib/domain/content/spelling-variants";
import { tagKey, tagVariants } from "@/app/lib/domain/content/tag-variants";
import { compactAnswer, shortAnswersMatch } from "@/app/lib/domain/quiz/normalize";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("a note's search text", () => {
  it("is plain text: no heading marks, emphasis, link targets, key-term marks or source markers", () => {
    const text = markdownToPlainText(
      "## The problem\n\n- **Leaking information** through [MoCo](/papers/moco)'s ==queue== [src: §3.1].\n- `code` and $\\tau$\n",
    );
    expect(text).toBe("The problem.\nLeaking information through MoCo's queue.\ncode and \\tau.");
    expect(text).not.toMatch(/##|\*\*|\]\(|==|\[src:/);
  });

  it("keeps a block's own punctuation and drops display maths", () => {
    expect(markdownToPlainText("Why does it work?\n\n$$\nx^2\n$$\n\nBecause.")).toBe("Why does it work?\nBecause.");
  });
});

describe("spelling variants, by the quiz's rule", () => {
  it("is the rule the quiz's short answers use", () => {
    expect(compactAnswer("Layer norm")).toBe("layernorm");
    expect(compactAnswer("layer-norm")).toBe(compactAnswer("LayerNorm"));
    expect(shortAnswersMatch("info nce", "InfoNCE")).toBe(true);
  });

  it("asks a query of several words without its spaces too, and a one-word query as it is", () => {
    expect(compactQuery("info nce")).toBe("infonce");
    expect(compactQuery("Layer-Norm")).toBe("layernorm");
    expect(compactQuery("layernorm")).toBe("");
  });

  it("gives a document the corpus's words it spells as two, and nothing it already has or that is too short", () => {
    const docs = ["We use LayerNorm and InfoNCE, within overall reach.", "A layer norm after each block.\nThe info nce loss; with in over all.", "into the layer. norm"];
    expect(joinedSpellings(docs)).toEqual([[], ["layernorm", "infonce"], []]);
  });
});

describe("tags spelled two ways", () => {
  it.each([
    ["transformer", "transformers"],
    ["vision-language", "vision-and-language"],
    ["language-model", "language-modeling"],
  ])("finds %s and %s to be one tag", (a, b) => {
    expect(tagKey(a)).toBe(tagKey(b));
  });

  it.each([
    ["masked-modeling", "masked-language-model"],
    ["distillation", "knowledge-distillation"],
    ["training", "training-stability"],
    ["transformer", "transformer-decoder"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(tagKey(a)).not.toBe(tagKey(b));
  });

  it("names the spelling more notes use as the one to keep", () => {
    const usage = new Map([
      ["transformer", 3],
      ["transformers", 1],
      ["language-modeling", 3],
      ["language-model", 1],
      ["vision-language", 5],
      ["vision-and-language", 1],
      ["video", 7],
    ]);
    expect(tagVariants(usage)).toEqual([
      { tag: "language-model", use: "language-modeling" },
      { tag: "transformers", use: "transformer" },
      { tag: "vision-and-language", use: "vision-language" },
    ]);
  });
});

describe("the library's search words", () => {
  it("names the filters that are on, in both languages", () => {
    const english = createTranslator({ locale: "en", messages: en, namespace: "library" });
    const chinese = createTranslator({ locale: "zh-CN", messages: zh, namespace: "library" });
    expect(english("filtersOn", { area: "Vision", tag: "none" })).toBe("The area filter (Vision) is on:");
    expect(english("filtersOn", { area: "Vision", tag: "video" })).toBe("The area filter (Vision) and the tag filter (#video) are on:");
    expect(english("filtersOn", { area: "none", tag: "video" })).toBe("The tag filter (#video) is on:");
    expect(chinese("filtersOn", { area: "视觉", tag: "video" })).toBe("已启用领域筛选（视觉）和标签筛选（#video）：");
  });
});
