import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkActionForm, checkActionText } from "@/app/lib/server/http/action-body";

describe("a server action's body, checked before Next decodes it", () => {
  it("accepts the arguments our pages send, escapes and dates included", () => {
    expect(checkActionText("text/plain", JSON.stringify([{ email: "a@b.c", n: 3, on: true, none: null, s: "$$dollar", d: "$D2026-01-01T00:00:00.000Z", u: "$undefined" }]))).toEqual({ ok: true });
  });

  it.each([
    ["an empty body", "", 400, /not valid JSON/],
    ["a truncated body", '[{"a":', 400, /not valid JSON/],
    ["a JSON string", '"\\u0000"', 400, /must be a JSON array/],
    ["null", "null", 400, /must be a JSON array/],
    ["a dangling promise reference", '["$@1"]', 400, /refers to something/],
    ["a FormData reference without its fields", '["$K1"]', 400, /refers to something/],
    ["ten thousand nested arrays", "[".repeat(10_000) + "]".repeat(10_000), 400, /nested more than/],
  ])("refuses %s with a 4xx that says why", (_name, body, status, message) => {
    const verdict = checkActionText("text/plain", body);
    expect(verdict).toMatchObject({ ok: false, status });
    expect(verdict.ok ? "" : verdict.message).toMatch(message);
  });

  it("refuses a body over 1 MB with 413 and another media type with 415", () => {
    expect(checkActionText("text/plain", `["${"x".repeat(ACTION_BODY_LIMIT)}"]`)).toMatchObject({ ok: false, status: 413 });
    expect(checkActionText("application/json", "[{}]")).toMatchObject({ ok: false, status: 415 });
  });

  it("accepts a form action's FormData and refuses a multipart body without its arguments", () => {
    expect(checkActionForm([["0", '["$K1"]'], ["1_email", "a@b.c"]])).toEqual({ ok: true });
    expect(checkActionForm([["0", '["$K2"]'], ["1_email", "a@b.c"]])).toMatchObject({ ok: false, status: 400 });
    // React 19.3, as a useActionState form sends it with JavaScript: (previous state, FormData).
    const reply: [string, string][] = [
      ["_1_$ACTION_REF_1", ""],
      ["_1_email", "a@b.c"],
      ["0", '[{"status":"idle","message":null},"$K1"]'],
    ];
    expect(checkActionForm(reply)).toEqual({ ok: true });
    expect(checkActionForm([["0", '[null,"$K2"]'], ["_1_email", "a@b.c"]])).toMatchObject({ ok: false, status: 400 });
    expect(checkActionForm([["1", "-2"]])).toMatchObject({ ok: false, status: 400 });
  });
});
