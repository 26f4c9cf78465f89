import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { gaussianMatrix } from "@/app/ui/widgets/prng";
import {
  boringVideoCheck,
  conv2d,
  conv3d,
  inflateKernel,
  makeVideo,
} from "@/app/ui/widgets/i3d-inflation/core";

beforeAll(readyTf);

/** Valid cross-correlation by four nested loops. */
function loopConv2d(x: number[][], k: number[][]): number[][] {
  const kh = k.length;
  const kw = k[0]?.length ?? 0;
  const out: number[][] = [];
  for (let r = 0; r + kh <= x.length; r++) {
    const row: number[] = [];
    for (let c = 0; c + kw <= (x[0]?.length ?? 0); c++) {
      let sum = 0;
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++) sum += (x[r + i]?.[c + j] ?? NaN) * (k[i]?.[j] ?? NaN);
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

describe("I3D inflation", () => {
  it("repeats the 2D kernel N times and divides it by N", () => {
    const k = [
      [1, 2],
      [3, 4],
    ];
    const inflated = inflateKernel(k, 4);
    expect(inflated).toHaveLength(4);
    for (const slice of inflated) {
      expect(slice[0]?.[1]).toBeCloseTo(0.5, 6);
      expect(slice[1]?.[0]).toBeCloseTo(0.75, 6);
    }
  });

  it("computes the 2D convolution as nested loops do", () => {
    const [image, kernel] = [gaussianMatrix(1, 7, 6), gaussianMatrix(2, 3, 3)];
    const expected = loopConv2d(image, kernel);
    const got = conv2d(image, kernel);
    expected.forEach((row, r) => row.forEach((v, c) => expect(got[r]?.[c]).toBeCloseTo(v, 4)));
  });

  it("computes the 3D convolution as a sum of 2D convolutions over the kernel's frames", () => {
    const video = [gaussianMatrix(3, 5, 5), gaussianMatrix(4, 5, 5), gaussianMatrix(5, 5, 5)];
    const kernel = [gaussianMatrix(6, 2, 2), gaussianMatrix(7, 2, 2)];
    const got = conv3d(video, kernel);
    expect(got).toHaveLength(2);
    for (let t = 0; t < 2; t++) {
      const a = loopConv2d(video[t] ?? [], kernel[0] ?? []);
      const b = loopConv2d(video[t + 1] ?? [], kernel[1] ?? []);
      a.forEach((row, r) =>
        row.forEach((v, c) => expect(got[t]?.[r]?.[c]).toBeCloseTo(v + (b[r]?.[c] ?? NaN), 4)),
      );
    }
  });

  it("gives the 2D response at every frame for a boring video, for any N", () => {
    const image = gaussianMatrix(8, 9, 9);
    const kernel = gaussianMatrix(9, 3, 3);
    for (const N of [1, 2, 3, 5]) {
      const check = boringVideoCheck(image, kernel, N, 6);
      expect(check.out3d).toHaveLength(6 - N + 1);
      expect(check.maxDifference).toBeLessThan(1e-5);
    }
  });

  it("differs from the 2D response once the video moves", () => {
    const image = gaussianMatrix(10, 9, 9);
    const kernel = [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ];
    expect(boringVideoCheck(image, kernel, 3, 4, 1).maxDifference).toBeGreaterThan(0.1);
    expect(makeVideo([[1, 2, 3]], 2, 1)[1]).toEqual([[3, 1, 2]]);
  });
});
