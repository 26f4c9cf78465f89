import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { WidgetInputError } from "@/app/ui/widgets/errors";
import { batchNorm, layerNorm } from "@/app/ui/widgets/norm-compare/core";

beforeAll(readyTf);

const grid = [
  [1, 10, 100],
  [2, 20, 50],
  [3, 15, 80],
  [4, 5, 120],
];

/** Plain-loop mean and biased variance of a list. */
function stats(values: number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / values.length };
}

describe("batch norm", () => {
  it("takes the statistics of each column over the batch, by hand", () => {
    const result = batchNorm(grid, 1e-5);
    // Column 1 is 1, 2, 3, 4: mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    expect(result.mean[0]).toBeCloseTo(2.5, 6);
    expect(result.variance[0]).toBeCloseTo(1.25, 6);
    expect(result.normalized[0]?.[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25 + 1e-5), 5);
    // Column 3 is 100, 50, 80, 120: mean 87.5, variance (156.25+1406.25+56.25+1056.25)/4.
    expect(result.mean[2]).toBeCloseTo(87.5, 4);
    expect(result.variance[2]).toBeCloseTo(668.75, 3);
  });

  it("matches plain loops on every cell, epsilon included", () => {
    const epsilon = 0.1;
    const result = batchNorm(grid, epsilon);
    for (let c = 0; c < 3; c++) {
      const { mean, variance } = stats(grid.map((row) => row[c] ?? NaN));
      expect(result.mean[c]).toBeCloseTo(mean, 4);
      expect(result.variance[c]).toBeCloseTo(variance, 2);
      for (let r = 0; r < 4; r++) {
        const x = grid[r]?.[c] ?? NaN;
        expect(result.normalized[r]?.[c]).toBeCloseTo(
          (x - mean) / Math.sqrt(variance + epsilon),
          4,
        );
      }
    }
  });

  it("sends every value of a batch of one to zero", () => {
    const result = batchNorm([[3, -7, 12]]);
    for (const value of result.normalized[0] ?? []) expect(value).toBeCloseTo(0, 9);
    expect(result.normalized[0]).toHaveLength(3);
    expect(result.variance).toEqual([0, 0, 0]);
  });
});

describe("layer norm", () => {
  it("takes the statistics of each row over its features, by hand", () => {
    const result = layerNorm(grid, 1e-5);
    // Row 1 is 1, 10, 100: mean 37, variance (1296 + 729 + 3969) / 3 = 1998.
    expect(result.mean[0]).toBeCloseTo(37, 4);
    expect(result.variance[0]).toBeCloseTo(1998, 2);
    expect(result.normalized[0]?.[2]).toBeCloseTo(63 / Math.sqrt(1998 + 1e-5), 4);
  });

  it("matches plain loops on every cell, epsilon included", () => {
    const epsilon = 1;
    const result = layerNorm(grid, epsilon);
    grid.forEach((row, r) => {
      const { mean, variance } = stats(row);
      expect(result.mean[r]).toBeCloseTo(mean, 4);
      expect(result.variance[r]).toBeCloseTo(variance, 2);
      row.forEach((x, c) => {
        expect(result.normalized[r]?.[c]).toBeCloseTo(
          (x - mean) / Math.sqrt(variance + epsilon),
          4,
        );
      });
    });
  });

  it("gives each row mean zero and variance near one while batch norm does so per column", () => {
    const ln = layerNorm(grid, 0);
    const bn = batchNorm(grid, 0);
    for (const row of ln.normalized) {
      expect(stats(row).mean).toBeCloseTo(0, 5);
      expect(stats(row).variance).toBeCloseTo(1, 4);
    }
    for (let c = 0; c < 3; c++) {
      const column = bn.normalized.map((row) => row[c] ?? NaN);
      expect(stats(column).mean).toBeCloseTo(0, 5);
      expect(stats(column).variance).toBeCloseTo(1, 4);
    }
  });

  it("rejects a ragged grid with a named error", () => {
    expect(() => layerNorm([[1, 2], [3]])).toThrow(WidgetInputError);
  });
});
