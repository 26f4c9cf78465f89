import { describe, expect, it } from "vitest";
import { cjkWords, joinCjk, segmentCjk, segmentQuery } from "@/app/lib/domain/content/segment";
import { searchTitle } from "@/app/lib/domain/content/note-order";
import type { LocalizedNote } from "@/app/lib/domain/content";

describe("cutting Chinese into words for search", () => {
  it("cuts each run of Chinese into words and sets it apart from the latin text around it", () => {
    expect(segmentCjk("对比学习")).toBe("对比 学习");
    expect(segmentCjk("MoCo的动量编码器")).toBe("MoCo 的 动量 编码 器");
    expect(segmentCjk("知识蒸馏 (knowledge distillation)。")).toBe("知识 蒸馏 (knowledge distillation)。");
    expect(segmentCjk("plain English, unchanged.")).toBe("plain English, unchanged.");
  });

  it("cuts a query the same way, each Chinese run a phrase of its words", () => {
    expect(segmentQuery("对比学习")).toBe('"对比 学习"');
    expect(segmentQuery("蒸馏")).toBe("蒸馏");
    expect(segmentQuery("MoCo 动量编码器")).toBe('MoCo "动量 编码 器"');
    expect(segmentQuery('"匈牙利匹配" or DETR')).toBe('"匈牙利 匹配" or DETR');
    expect(segmentQuery("momentum encoder -queue")).toBe("momentum encoder -queue");
  });

  it("finds a query's words in the document as the document was cut", () => {
    const document = segmentCjk("MoCo 的键编码器是一个动量编码器，即查询编码器的滑动平均。");
    const phrase = segmentQuery("动量编码器").replaceAll('"', "");
    expect(` ${document} `).toContain(` ${phrase} `);
  });

  it("takes the spaces between Chinese words out of a snippet again, marks included", () => {
    expect(joinCjk("知识 <mark>蒸馏</mark> 的 温度 (knowledge distillation)")).toBe("知识<mark>蒸馏</mark>的温度 (knowledge distillation)");
    expect(joinCjk("MoCo 的 动量 编码 器")).toBe("MoCo 的动量编码器");
  });

  it("keeps the Chinese words of a title and its ideas, not the English in parentheses", () => {
    expect(cjkWords("动量编码器 (momentum encoder)")).toEqual(["动量", "编码", "器"]);
    const zh = { title: "动量对比", introduces: ["动量编码器 (momentum encoder)", "打乱 BN (shuffling BN)"] } as LocalizedNote;
    expect(searchTitle(zh)).toBe("动量 对比 动量 编码 器 打 乱");
    expect(searchTitle(undefined)).toBe("");
  });
});
