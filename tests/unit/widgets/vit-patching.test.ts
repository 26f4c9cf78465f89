import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { WidgetInputError } from "@/app/ui/widgets/errors";
import { toyImage } from "@/app/ui/widgets/toy-image";
import { patchify, tokenCount } from "@/app/ui/widgets/vit-patching/core";

beforeAll(readyTf);

describe("ViT patching", () => {
  it("counts (H/P)·(W/P) tokens, 196 for a 224 image with 16-pixel patches", () => {
    expect(tokenCount(224, 224, 16)).toBe(196);
    expect(tokenCount(224, 224, 14)).toBe(256);
    expect(tokenCount(32, 64, 8)).toBe(4 * 8);
  });

  it("refuses a patch size that does not divide the image", () => {
    expect(() => tokenCount(224, 224, 5)).toThrow(WidgetInputError);
  });

  it("flattens each patch in raster order exactly as nested loops do", () => {
    const image = toyImage(16);
    for (const patch of [2, 4, 8]) {
      const { tokens, rows, cols, positions } = patchify(image, patch);
      expect(tokens).toHaveLength(rows * cols);
      expect(positions[0]).toBe(1);
      expect(positions.at(-1)).toBe(rows * cols);
      for (let k = 0; k < tokens.length; k++) {
        const i = Math.floor(k / cols);
        const j = k % cols;
        const token = tokens[k] ?? [];
        expect(token).toHaveLength(patch * patch * 3);
        for (let a = 0; a < patch; a++) {
          for (let b = 0; b < patch; b++) {
            for (let c = 0; c < 3; c++) {
              const expected = image[i * patch + a]?.[j * patch + b]?.[c] ?? NaN;
              expect(token[(a * patch + b) * 3 + c]).toBeCloseTo(expected, 6);
            }
          }
        }
      }
    }
  });

  it("keeps a rectangular image's rows and columns apart", () => {
    const image = Array.from({ length: 2 }, (_, r) =>
      Array.from({ length: 4 }, (_, c) => [r * 10 + c]),
    );
    const { tokens, rows, cols } = patchify(image, 2);
    expect([rows, cols]).toEqual([1, 2]);
    expect(tokens).toEqual([
      [0, 1, 10, 11],
      [2, 3, 12, 13],
    ]);
  });
});
