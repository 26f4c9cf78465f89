import { describe, expect, it } from "vitest";
import { typeableAnswer, typedAnswerMatches } from "@/app/lib/domain/quiz";

describe("typing the answer of a basic card", () => {
  it("offers a short one-line back as plain text", () => {
    expect(typeableAnswer("==Momentum Contrast (MoCo)==. [src: §3]")).toBe("Momentum Contrast (MoCo)");
    expect(typeableAnswer("[LayerNorm](/papers/layernorm)")).toBe("LayerNorm");
  });

  it("does not offer prose, lists or formulas", () => {
    expect(typeableAnswer("It keeps a queue of keys from earlier batches, so the dictionary is much larger than a batch.")).toBeNull();
    expect(typeableAnswer("- a\n- b")).toBeNull();
    expect(typeableAnswer("$\\sqrt{d_k}$")).toBeNull();
    expect(typeableAnswer("   ")).toBeNull();
  });

  it("judges by the short-answer rules, and takes either side of a parenthesis", () => {
    expect(typedAnswerMatches("  the momentum-contrast ", "Momentum Contrast (MoCo)")).toBe(true);
    expect(typedAnswerMatches("moco", "Momentum Contrast (MoCo)")).toBe(true);
    expect(typedAnswerMatches("Layer Norm", "LayerNorm")).toBe(true);
    expect(typedAnswerMatches("BatchNorm", "LayerNorm")).toBe(false);
    expect(typedAnswerMatches("", "LayerNorm")).toBe(false);
  });
});
