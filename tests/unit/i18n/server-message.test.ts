import { describe, expect, it } from "vitest";
import { localizeServerMessage, matchServerMessage } from "@/app/lib/domain/i18n/server-message";
import { passwordProblem } from "@/app/lib/domain/password-policy";
import { default_w } from "ts-fsrs";
import { describeWeightsMigration, migrateWeights } from "@/app/lib/domain/scheduling";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const toZh = (message: string) => localizeServerMessage(en.serverMessages, zh.serverMessages, message);

describe("server messages in the reader's language", () => {
  it("translate an exact message by its code", () => {
    expect(toZh("The current password is wrong.")).toBe("当前密码不正确。");
    expect(matchServerMessage(en.serverMessages, "Check the highlighted fields.")?.code).toBe("checkFields");
  });

  it("carry a template's arguments over", () => {
    expect(toZh("Too many sign-ups from here. Try again in 42 s.")).toBe("来自此处的注册过于频繁。请在 42 秒后再试。");
    expect(toZh("Found 3 numbers; FSRS has 19 or 21 weights. Leave it empty for the defaults.")).toContain("找到 3 个数字");
  });

  it("translate the wait of a mailed-link limit (waitInWords) inside its sentence, and leave other messages alone", () => {
    // waitInWords (password-reset.ts) writes "1 second", "40 seconds", "10 minutes".
    const phrases = { english: en.waitWords, target: zh.waitWords };
    const toZhWithWait = (message: string) => localizeServerMessage(en.serverMessages, zh.serverMessages, message, phrases);
    expect(toZhWithWait(`Too many verification links were sent. Try again in 40 seconds.`)).toBe("验证链接发送次数过多。请在 40 秒后再试。");
    expect(toZhWithWait(`Too many verification links were sent. Try again in 1 second.`)).toBe("验证链接发送次数过多。请在 1 秒后再试。");
    expect(toZhWithWait(`Too many reset links were asked for this address or from your network. Try again in 10 minutes.`)).toBe(
      "此地址或你的网络请求重置链接的次数过多。请在 10 分钟后再试。",
    );
    // A loose phrase pattern never takes a whole message: an uncatalogued one stays English.
    expect(toZhWithWait("Nobody catalogued these 40 seconds")).toBe("Nobody catalogued these 40 seconds");
  });

  it("translate every sentence describeWeightsMigration writes", () => {
    const d = [...default_w];
    const withBad = (w: number[], ...at: number[]) => w.map((v, i) => (at.includes(i) ? 999 : v));
    const cases = [d, d.slice(0, 19), d.slice(0, 17), withBad(d, 4), withBad(d, 4, 16), withBad(d.slice(0, 19), 4), withBad(d.slice(0, 19), 4, 16)].map(
      (w) => migrateWeights(w),
    );
    const sentences = cases.map((m) => describeWeightsMigration(m));
    // Saved and converted, with none, one and several weights clipped.
    expect(new Set(sentences).size).toBe(cases.length);
    for (const sentence of sentences) {
      expect(matchServerMessage(en.serverMessages, sentence), sentence).not.toBeNull();
      expect(toZh(sentence), sentence).toMatch(/权重/);
    }
  });

  it("keep a message without a code in English", () => {
    expect(toZh("Something nobody catalogued.")).toBe("Something nobody catalogued.");
  });

  it("know the password rules' answers", () => {
    const account = { email: "someone@example.com", name: "Someone" };
    for (const password of ["short", "password", "someone@example.com!!", " \t"]) {
      const problem = passwordProblem(password, account, (p) => p === "password");
      expect(problem && matchServerMessage(en.serverMessages, problem), problem ?? "").not.toBeNull();
    }
  });
});
