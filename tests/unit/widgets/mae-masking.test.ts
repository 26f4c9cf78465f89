import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { maskedMse, randomMasking, visibleCount } from "@/app/ui/widgets/mae-masking/core";

beforeAll(readyTf);

describe("MAE masking", () => {
  it("keeps exactly 49 of 196 patches at the paper's 75%", () => {
    expect(visibleCount(196, 0.75)).toBe(49);
    const masking = randomMasking(196, 0.75, 7);
    expect(masking.visible).toHaveLength(49);
    expect(masking.masked).toHaveLength(147);
    expect(masking.mask.filter((m) => m === 1)).toHaveLength(147);
  });

  it("keeps 10 of 100 patches at 90% despite 100·(1−0.9) being 9.999… in floating point", () => {
    expect(100 * (1 - 0.9)).toBeLessThan(10);
    expect(visibleCount(100, 0.9)).toBe(10);
    expect(randomMasking(100, 0.9, 1).visible).toHaveLength(10);
  });

  it("partitions the patches: visible and masked are disjoint and cover every index", () => {
    const { visible, masked, mask } = randomMasking(64, 0.6, 3);
    const all = [...visible, ...masked].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 64 }, (_, i) => i));
    for (const i of visible) expect(mask[i]).toBe(0);
    for (const i of masked) expect(mask[i]).toBe(1);
  });

  it("restores the shuffled order: restore is the inverse permutation of visible ++ masked", () => {
    const { visible, masked, restore } = randomMasking(20, 0.5, 11);
    const shuffle = [...visible, ...masked];
    shuffle.forEach((patch, position) => expect(restore[patch]).toBe(position));
  });

  it("draws the same mask for the same seed and another for another seed", () => {
    expect(randomMasking(64, 0.75, 5).mask).toEqual(randomMasking(64, 0.75, 5).mask);
    expect(randomMasking(64, 0.75, 5).mask).not.toEqual(randomMasking(64, 0.75, 6).mask);
  });

  it("averages the squared error over masked patches only", () => {
    const target = [
      [0, 0],
      [1, 1],
      [2, 4],
    ];
    const prediction = [
      [5, 5], // visible: its huge error must not count
      [0, 1], // masked: mean((1)², 0) = 0.5
      [2, 2], // masked: mean(0, 2²) = 2
    ];
    expect(maskedMse(prediction, target, [0, 1, 1])).toBeCloseTo((0.5 + 2) / 2, 6);
    expect(maskedMse(prediction, target, [0, 0, 0])).toBe(0);
  });
});
