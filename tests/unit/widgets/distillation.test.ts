import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { distillationLoss, softmaxAt } from "@/app/ui/widgets/distillation/core";

beforeAll(readyTf);

function softmax(z: number[], T: number): number[] {
  const scaled = z.map((v) => v / T);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** α·T²·KL(p_t ‖ p_s) + (1 − α)·CE, straight from the formula. */
function direct(student: number[], teacher: number[], label: number, T: number, alpha: number) {
  const pt = softmax(teacher, T);
  const ps = softmax(student, T);
  let kl = 0;
  pt.forEach((p, i) => (kl += p * (Math.log(p) - Math.log(ps[i] ?? NaN))));
  const ce = -Math.log(softmax(student, 1)[label] ?? NaN);
  return { kl, ce, total: alpha * T * T * kl + (1 - alpha) * ce };
}

describe("distillation", () => {
  it("softens a softmax as T grows and matches it by hand", () => {
    const z = [2, 1, 0];
    const p1 = softmaxAt(z, 1);
    const p4 = softmaxAt(z, 4);
    const e = Math.exp;
    expect(p1[0]).toBeCloseTo(e(2) / (e(2) + e(1) + 1), 6);
    expect(p4[0]).toBeCloseTo(e(0.5) / (e(0.5) + e(0.25) + 1), 6);
    expect(p4[2]).toBeGreaterThan(p1[2] ?? Infinity);
  });

  it("matches α·T²·KL + (1 − α)·CE computed directly, over several T and α", () => {
    const teacher = [6, 4, 3, -1, -2];
    const student = [3, 1, 2, 0.5, 0];
    for (const T of [1, 2, 4, 10]) {
      for (const alpha of [0, 0.3, 0.7, 1]) {
        const result = distillationLoss({ student, teacher, label: 0, temperature: T, alpha });
        const expected = direct(student, teacher, 0, T, alpha);
        expect(result.kl).toBeCloseTo(expected.kl, 5);
        expect(result.crossEntropy).toBeCloseTo(expected.ce, 5);
        expect(result.total).toBeCloseTo(expected.total, 4);
      }
    }
  });

  it("multiplies the soft term by T², so doubling T with identical soft targets scales it by 4", () => {
    // Logits proportional to T give the same softened distributions at every T.
    const at = (T: number) =>
      distillationLoss({
        student: [1 * T, 0, -1 * T],
        teacher: [2 * T, 0, -2 * T],
        label: 0,
        temperature: T,
        alpha: 1,
      });
    expect(at(2).kl).toBeCloseTo(at(4).kl, 5);
    expect(at(4).total).toBeCloseTo(4 * at(2).total, 4);
  });

  it("has zero KL when the student copies the teacher, leaving only the hard term", () => {
    const logits = [1, 2, 3];
    const result = distillationLoss({
      student: logits,
      teacher: logits,
      label: 1,
      temperature: 5,
      alpha: 0.5,
    });
    expect(result.kl).toBeCloseTo(0, 6);
    expect(result.total).toBeCloseTo(0.5 * -Math.log(softmax(logits, 1)[1] ?? NaN), 5);
  });

  it("rejects a label outside the classes", () => {
    expect(() =>
      distillationLoss({ student: [1], teacher: [1], label: 2, temperature: 1, alpha: 0.5 }),
    ).toThrow(/label/);
  });
});
