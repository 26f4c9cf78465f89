import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CONTENT_ERROR_TEMPLATES, contentMessage } from "@/app/lib/domain/content/content-error-codes";
import { checkOwnNote } from "@/app/lib/domain/content/own-note";
import { parseNote } from "@/app/lib/domain/content/parse-note";
import type { ContentError } from "@/app/lib/domain/content/types";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const english = createTranslator({ locale: "en", messages: en, namespace: "contentErrors" });
const chinese = createTranslator({ locale: "zh-CN", messages: zh, namespace: "contentErrors" });
const HAN = /\p{Script=Han}/u;

/** What the editor shows for a problem: the catalogue's message for its code, else the English. */
function shown(t: typeof english, error: ContentError): string {
  return error.code && t.has(error.code) ? t(error.code, error.args ?? {}) : error.message;
}

const FRONT_MATTER = [
  "---",
  "title: Broken",
  "short: Broken",
  "kind: concept",
  "area: concepts",
  "tags: [mine]",
  "summary: A note with a problem on every other line.",
  "colour: blue",
];
const BROKEN_NOTE = [
  ...FRONT_MATTER,
  "---",
  "",
  "# A title heading",
  "",
  "The ==loss== and the ==gradient== share this sentence about training.",
  "",
  "Math $\\frac{1}{$ here and a [src: ] marker.",
  "",
  "```card",
  "- not keys",
  "```",
].join("\n");

describe("the note checker's messages in both languages", () => {
  it("are the catalogue's English entries, code for code, and every code has Chinese with the same arguments", () => {
    expect(en.contentErrors).toEqual(CONTENT_ERROR_TEMPLATES);
    expect(Object.keys(zh.contentErrors).sort()).toEqual(Object.keys(CONTENT_ERROR_TEMPLATES).sort());
    const argsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, template] of Object.entries(CONTENT_ERROR_TEMPLATES)) {
      expect(argsOf(zh.contentErrors[code as keyof typeof zh.contentErrors]), code).toEqual(argsOf(template));
    }
  });

  it("format to the same English as the checker writes, and to Chinese with the arguments in place", () => {
    const samples = [
      contentMessage("twoTermsInSentence", { previous: "loss", term: "gradient" }),
      contentMessage("unknownKeyGuess", { key: "colour", guess: "color" }),
      contentMessage("noteTooLarge", { size: 70, limit: 64 }),
      contentMessage("blockUnclosed", { lang: "card" }),
      contentMessage("titleHeading"),
    ];
    for (const sample of samples) {
      expect(english(sample.code, sample.args)).toBe(sample.message);
      const zhText = chinese(sample.code, sample.args);
      expect(zhText).toMatch(HAN);
      for (const value of Object.values(sample.args)) expect(zhText).toContain(value);
    }
    expect(chinese("twoTermsInSentence", { previous: "loss", term: "gradient" })).toBe("每句只能有一个 ==关键词==：==loss== 和 ==gradient== 在同一句里");
  });

  it("give every problem of a broken note a code, its English unchanged, shown in Chinese at its line", () => {
    const result = parseNote("content/notes/broken.md", BROKEN_NOTE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(["unknownKey", "titleHeading", "twoTermsInSentence", "mathError", "markerEmpty", "blockNotKeys"]));
    for (const error of result.errors) {
      expect(error.code, error.message).toBeDefined();
      expect(shown(english, error)).toBe(error.message);
      expect(shown(chinese, error)).toMatch(HAN);
    }
    expect(result.errors.find((e) => e.code === "titleHeading")?.line).toBe(FRONT_MATTER.length + 3);
  });

  it("code the own-note checks (prerequisites) too", () => {
    const text = [...FRONT_MATTER.slice(0, -1), "prerequisites: [mine, moko]", "---", "", "Body text."].join("\n");
    const check = checkOwnNote("mine", text, { knownSlugs: new Set(["moco"]), ownPrerequisites: new Map() });
    const codes = check.errors.map((e) => e.code);
    expect(codes).toEqual(["ownPrerequisite", "unknownPrerequisiteGuess"]);
    expect(shown(chinese, check.errors[1]!)).toBe("未知的前置笔记 `moko`：你能看到的笔记里没有这个 slug（是不是 `moco`？）");
  });
});
