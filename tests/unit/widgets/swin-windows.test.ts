import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import {
  cyclicShiftedWindows,
  maskedPairs,
  mergePatches,
  naiveShiftedWindows,
  regularWindows,
  roll,
  swinStages,
  windowCount,
} from "@/app/ui/widgets/swin-windows/core";

beforeAll(readyTf);

/** Swin's own attention mask recipe: label regions of the rolled map by slices, per window. */
function swinReferenceBlocked(H: number, W: number, M: number, s: number): number {
  const region = (i: number, n: number) => (i < n - M ? 0 : i < n - s ? 1 : 2);
  // Rolled frame: labels by slices; window by regular partition.
  const tokens: { window: number; label: number }[] = [];
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      tokens.push({
        window: Math.floor(r / M) * (W / M) + Math.floor(c / M),
        label: region(r, H) * 3 + region(c, W),
      });
    }
  }
  let blocked = 0;
  for (const a of tokens)
    for (const b of tokens) if (a.window === b.window && a.label !== b.label) blocked++;
  return blocked;
}

describe("Swin windows", () => {
  it("rolls like torch.roll: element i moves to i + shift, wrapping", () => {
    expect(roll([[1, 2, 3]], 1)).toEqual([[3, 1, 2]]);
    expect(roll([[1], [2], [3]], -1)).toEqual([[2], [3], [1]]);
  });

  it("partitions an 8×8 grid into (8/M)² windows of M² tokens", () => {
    for (const M of [2, 4, 8]) {
      const ids = regularWindows(8, 8, M).flat();
      expect(windowCount([ids])).toBe((8 / M) ** 2);
      for (let w = 0; w < (8 / M) ** 2; w++) expect(ids.filter((v) => v === w)).toHaveLength(M * M);
    }
    expect(regularWindows(4, 4, 2)[3]).toEqual([2, 2, 3, 3]);
  });

  it("needs (H/M + 1)² windows when shifted naively but only (H/M)² after the cyclic shift", () => {
    expect(windowCount(naiveShiftedWindows(8, 8, 4, 2))).toBe(9);
    expect(windowCount(cyclicShiftedWindows(8, 8, 4, 2))).toBe(4);
    expect(windowCount(naiveShiftedWindows(56, 56, 7, 3))).toBe(81);
    expect(windowCount(cyclicShiftedWindows(56, 56, 7, 3))).toBe(64);
  });

  it("puts token (r, c) in the regular window of ((r − s) mod H, (c − s) mod W) after the shift", () => {
    const H = 8;
    const M = 4;
    const s = 2;
    const regular = regularWindows(H, H, M);
    const cyclic = cyclicShiftedWindows(H, H, M, s);
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < H; c++) {
        expect(cyclic[r]?.[c]).toBe(regular[(r - s + H) % H]?.[(c - s + H) % H]);
      }
    }
  });

  it("blocks exactly the pairs Swin's slice-labelled mask blocks", () => {
    for (const [H, M] of [
      [8, 4],
      [8, 2],
      [12, 6],
    ] as const) {
      const s = Math.floor(M / 2);
      expect(maskedPairs(H, H, M, s)).toBe(swinReferenceBlocked(H, H, M, s));
    }
    expect(maskedPairs(8, 8, 4, 0)).toBe(0);
  });

  it("merges 2×2 neighbours into 4C channels in Swin's order", () => {
    const H = 4;
    const W = 6;
    const C = 2;
    const x = Array.from({ length: H }, (_, r) =>
      Array.from({ length: W }, (_, c) =>
        Array.from({ length: C }, (_, k) => 100 * r + 10 * c + k),
      ),
    );
    const merged = mergePatches(x);
    expect(merged).toHaveLength(H / 2);
    expect(merged[0]).toHaveLength(W / 2);
    for (let i = 0; i < H / 2; i++) {
      for (let j = 0; j < W / 2; j++) {
        const expected = [
          ...(x[2 * i]?.[2 * j] ?? []),
          ...(x[2 * i + 1]?.[2 * j] ?? []),
          ...(x[2 * i]?.[2 * j + 1] ?? []),
          ...(x[2 * i + 1]?.[2 * j + 1] ?? []),
        ];
        expect(merged[i]?.[j]).toEqual(expected);
      }
    }
  });

  it("halves the side and doubles the channels at each stage: 56×56×96 down to 7×7×768", () => {
    const stages = swinStages(224, 96);
    expect(stages.map((s) => s.shape)).toEqual([
      [56, 56, 96],
      [28, 28, 192],
      [14, 14, 384],
      [7, 7, 768],
    ]);
    expect(stages.map((s) => s.windows)).toEqual([64, 16, 4, 1]);
  });
});
