import { describe, expect, it } from "vitest";
import { acceptedShortAnswers, normalizeShortAnswer, scoreAnswer, shortAnswersMatch } from "@/app/lib/domain/quiz";
import { fromStoredQuestion } from "@/app/lib/domain/quiz/stored";
import type { ShortQuestion } from "@/app/lib/domain/quiz/types";

const layerNorm: ShortQuestion = {
  type: "short",
  answer: "layer normalization",
  alternatives: ["LayerNorm", "LN"],
  zh: { answer: "层归一化", alternatives: ["层标准化", "layer normalization", "LayerNorm"] },
};

describe("short answers in English and Chinese", () => {
  it("reads full-width and half-width letters, digits and punctuation alike", () => {
    expect(normalizeShortAnswer("ＧＰＴ－３")).toBe(normalizeShortAnswer("GPT-3"));
    expect(normalizeShortAnswer("１２")).toBe("12");
    expect(shortAnswersMatch("ＬａｙｅｒＮｏｒｍ", "LayerNorm")).toBe(true);
    expect(shortAnswersMatch("65，536", "65,536")).toBe(true);
  });

  it("ignores Chinese punctuation as it ignores ASCII punctuation", () => {
    expect(normalizeShortAnswer("“层归一化”。")).toBe("层归一化");
    expect(shortAnswersMatch("《层归一化》！", "层归一化")).toBe(true);
    expect(shortAnswersMatch("层归一化、", "层归一化")).toBe(true);
    expect(shortAnswersMatch("（层归一化）", "层归一化")).toBe(true);
  });

  it("ignores the spaces between CJK characters, and next to them", () => {
    expect(normalizeShortAnswer("层 归一化")).toBe("层归一化");
    expect(normalizeShortAnswer(" 动量　编码器 ")).toBe("动量编码器"); // an ideographic space too
    expect(shortAnswersMatch("BERT 模型", "BERT模型")).toBe(true);
    // Between latin words a space still separates words as before.
    expect(normalizeShortAnswer("layer  norm")).toBe("layer norm");
  });

  it("does not take one Chinese answer for another", () => {
    expect(shortAnswersMatch("批归一化", "层归一化")).toBe(false);
    expect(shortAnswersMatch("", "层归一化")).toBe(false);
    expect(shortAnswersMatch("。", "层归一化")).toBe(false);
  });

  it("accepts the English answer and alternatives and the Chinese answer and alternatives, each once", () => {
    expect(acceptedShortAnswers(layerNorm)).toEqual(["layer normalization", "LayerNorm", "LN", "层归一化", "层标准化"]);
    expect(acceptedShortAnswers({ type: "short", answer: "queue" })).toEqual(["queue"]);
  });

  it("accepts a Chinese answer for the English question when the Chinese edition lists it, and an English one for the Chinese question", () => {
    expect(scoreAnswer(layerNorm, "层归一化")).toEqual({ score: 1, correct: true });
    expect(scoreAnswer(layerNorm, "层 标准化。")).toEqual({ score: 1, correct: true });
    expect(scoreAnswer(layerNorm, "Layer-Normalization")).toEqual({ score: 1, correct: true });
    expect(scoreAnswer(layerNorm, "LN")).toEqual({ score: 1, correct: true });
    expect(scoreAnswer(layerNorm, "批归一化")).toEqual({ score: 0, correct: false });
    // Without a Chinese edition only the English answers count.
    const englishOnly: ShortQuestion = { type: "short", answer: "layer normalization", alternatives: ["LN"] };
    expect(scoreAnswer(englishOnly, "层归一化")).toEqual({ score: 0, correct: false });
  });

  it("reads the Chinese answers a question stores beside the English ones", () => {
    const question = fromStoredQuestion({
      id: "q1",
      prompt: "Which normalization does the Transformer use?",
      payload: { type: "short" },
      answer: { type: "short", value: "layer normalization", alternatives: ["LN"], zh: { value: "层归一化", alternatives: ["layer normalization"] } },
    });
    expect(question).toMatchObject({ type: "short", zh: { answer: "层归一化", alternatives: ["layer normalization"] } });
    expect(scoreAnswer(question, "层归一化").correct).toBe(true);
    const stored = fromStoredQuestion({ id: "q2", prompt: "p", payload: { type: "short" }, answer: { type: "short", value: "LN", alternatives: [] } });
    expect(stored).not.toHaveProperty("zh");
  });
});
