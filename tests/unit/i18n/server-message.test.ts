import { describe, expect, it } from "vitest";
import { localizeServerMessage, matchServerMessage } from "@/app/lib/domain/i18n/server-message";
import { passwordProblem } from "@/app/lib/domain/password-policy";
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
