import { describe, expect, it } from "vitest";
import { compareCatalogues, messageArguments } from "@/app/lib/domain/i18n/catalogue-check";
import { localeFromAcceptLanguage } from "@/app/lib/domain/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("the message catalogues", () => {
  it("have the same keys and the same arguments in English and Chinese", () => {
    expect(compareCatalogues({ en, "zh-CN": zh })).toEqual([]);
  });

  it("report a key missing in one language", () => {
    const problems = compareCatalogues({ en: { a: { b: "B", c: "C" } }, "zh-CN": { a: { b: "乙" } } });
    expect(problems).toEqual([{ key: "a.c", problem: "missing in zh-CN" }]);
  });

  it("report a key only the translation has, and an empty message", () => {
    const problems = compareCatalogues({ en: { a: "A" }, "zh-CN": { a: "", extra: "多余" } });
    expect(problems).toEqual([
      { key: "a", problem: "empty in zh-CN" },
      { key: "extra", problem: "missing in en" },
    ]);
  });

  it("report a placeholder renamed, dropped or given another type", () => {
    const problems = compareCatalogues({
      en: { renamed: "Hello {name}", dropped: "{count} cards", typed: "{n, plural, one {# day} other {# days}}" },
      "zh-CN": { renamed: "你好 {nom}", dropped: "若干张卡片", typed: "{n} 天" },
    });
    expect(problems.map((p) => p.key)).toEqual(["dropped", "renamed", "typed"]);
    expect(problems[1]!.problem).toContain("{name}");
  });

  it("accept a translation with other plural branches than English (Chinese needs only `other`)", () => {
    expect(
      compareCatalogues({
        en: { m: "{n, plural, =0 {no card} one {# card} other {# cards of {deck}}}" },
        "zh-CN": { m: "{n, plural, other {{deck} 中的 # 张卡片}}" },
      }),
    ).toEqual([]);
  });

  it("read the arguments of nested plural and select messages, not their branch names", () => {
    expect([...messageArguments("{g, select, a {x {who}} other {none}} {n, number, percent}")].sort()).toEqual(["g:select", "n:number", "who"]);
    expect(() => messageArguments("{unclosed")).toThrow(/unclosed/);
  });
});

describe("the browser's language", () => {
  it("reads any Chinese tag as Simplified Chinese and follows q-values", () => {
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=1, zh-Hans;q=0.5, en;q=0.4")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, fr")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("zh;q=0, en")).toBe("en");
  });
});
