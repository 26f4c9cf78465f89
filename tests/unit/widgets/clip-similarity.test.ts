import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import {
  INITIAL_LOG_SCALE,
  clipLoss,
  logitScale,
  toyClipBatch,
  zeroShot,
} from "@/app/ui/widgets/clip-similarity/core";

beforeAll(readyTf);

const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((s, v, i) => s + v * (b[i] ?? NaN), 0);
const logSumExp = (xs: number[]) => {
  const max = Math.max(...xs);
  return max + Math.log(xs.reduce((s, x) => s + Math.exp(x - max), 0));
};

/** The symmetric loss straight from its definition, with plain loops. */
function directLoss(
  images: number[][],
  texts: number[][],
  s: number,
): { i2t: number; t2i: number } {
  const n = images.length;
  const L = images.map((img) => texts.map((txt) => s * dot(img, txt)));
  let i2t = 0;
  let t2i = 0;
  for (let k = 0; k < n; k++) {
    const row = L[k] ?? [];
    const column = L.map((r) => r[k] ?? NaN);
    i2t += logSumExp(row) - (row[k] ?? NaN);
    t2i += logSumExp(column) - (row[k] ?? NaN);
  }
  return { i2t: i2t / n, t2i: t2i / n };
}

describe("CLIP similarity", () => {
  it("starts at a scale of 1/0.07 and clips the scale at 100", () => {
    expect(logitScale(INITIAL_LOG_SCALE)).toBeCloseTo(14.2857, 3);
    expect(logitScale(10)).toBe(100);
  });

  it("matches the direct symmetric cross-entropy on seeded embeddings", () => {
    for (const [seed, n, noise, s] of [
      [1, 4, 0.8, 14.3],
      [2, 8, 2, 5],
      [3, 3, 0.1, 50],
    ] as const) {
      const { images, texts } = toyClipBatch(seed, n, noise);
      const result = clipLoss(images, texts, s);
      const expected = directLoss(images, texts, s);
      expect(result.imageToText).toBeCloseTo(expected.i2t, 3);
      expect(result.textToImage).toBeCloseTo(expected.t2i, 3);
      expect(result.loss).toBeCloseTo((expected.i2t + expected.t2i) / 2, 3);
      expect(result.logits[0]?.[1]).toBeCloseTo(s * dot(images[0] ?? [], texts[1] ?? []), 3);
    }
  });

  it("gives the hand values for orthogonal pairs and for indistinguishable pairs", () => {
    // Orthogonal images, texts equal to images: diagonal logit s, off-diagonal 0.
    const images = [
      [1, 0],
      [0, 1],
    ];
    const result = clipLoss(images, images, 1);
    expect(result.loss).toBeCloseTo(Math.log(1 + Math.exp(-1)), 6);
    const same = clipLoss(
      [
        [1, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [1, 0],
      ],
      3,
    );
    expect(same.loss).toBeCloseTo(Math.log(2), 6);
  });

  it("classifies zero-shot by the softmax of scaled prompt similarities", () => {
    const prompts = [
      [1, 0],
      [0, 1],
      [-1, 0],
    ];
    const probs = zeroShot([0.6, 0.8], prompts, 10);
    const logits = [6, 8, -6];
    const z = logits.reduce((s, l) => s + Math.exp(l), 0);
    logits.forEach((l, c) => expect(probs[c]).toBeCloseTo(Math.exp(l) / z, 5));
  });

  it("draws unit-length embeddings that match their own text best when aligned", () => {
    const { images, texts } = toyClipBatch(5, 6, 0.2);
    for (const [i, img] of images.entries()) {
      expect(dot(img, img)).toBeCloseTo(1, 5);
      const sims = texts.map((t) => dot(img, t));
      expect(sims.indexOf(Math.max(...sims))).toBe(i);
    }
  });
});
