import { describe, expect, it } from "vitest";
import { fromStoredQuestion, presentQuestion, questionSeed, scoreAnswer, toOriginalResponse } from "@/app/lib/domain/quiz";

const row = (payload: unknown, answer: unknown) => ({ id: "q1", prompt: "Prompt?", payload, answer });

describe("fromStoredQuestion", () => {
  it("reads the answer from the answer column, not from the payload", () => {
    const q = fromStoredQuestion(row({ type: "single", choices: ["a", "b", "c"] }, { type: "single", index: 2 }));
    expect(q).toEqual({ key: "q1", prompt: "Prompt?", type: "single", choices: ["a", "b", "c"], answer: 2 });
  });

  it("takes an ordering question's items in the right order from the answer, not the shuffled payload", () => {
    const q = fromStoredQuestion(row({ type: "ordering", items: ["c", "a", "b"] }, { type: "ordering", items: ["a", "b", "c"] }));
    expect(q.type === "ordering" && q.items).toEqual(["a", "b", "c"]);
  });

  it("keeps a numeric question's unit and a short question's alternatives", () => {
    expect(fromStoredQuestion(row({ type: "numeric", unit: "GB" }, { type: "numeric", value: 12, tolerance: 0.5 }))).toMatchObject({ unit: "GB", answer: 12, tolerance: 0.5 });
    expect(fromStoredQuestion(row({ type: "short" }, { type: "short", value: "LayerNorm", alternatives: ["layer normalization"] }))).toMatchObject({ alternatives: ["layer normalization"] });
  });

  it("refuses a stored answer of an unknown shape", () => {
    expect(() => fromStoredQuestion(row({ type: "single", choices: ["a"] }, { type: "single", value: 0 }))).toThrow();
  });

  it("scores a response given in shown indices once mapped back with the attempt's seed", () => {
    const q = fromStoredQuestion(row({ type: "single", choices: ["a", "b", "c", "d"] }, { type: "single", index: 3 }));
    const { order } = presentQuestion(q, questionSeed("attempt-seed", "q1"));
    const shownRight = order.indexOf(3);
    expect(scoreAnswer(q, toOriginalResponse(q, order, shownRight)).correct).toBe(true);
    expect(scoreAnswer(q, toOriginalResponse(q, order, (shownRight + 1) % 4)).correct).toBe(false);
  });
});
