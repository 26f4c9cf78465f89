import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { stackFlows, subtractMeanFlow, toyFlows } from "@/app/ui/widgets/optical-flow-stack/core";

beforeAll(readyTf);

describe("optical flow stacking", () => {
  it("stacks L fields into 2L channels, interleaving dx and dy per field", () => {
    const flows = toyFlows(10, 8, "rotate", 0.5, 3);
    const stacked = stackFlows(flows);
    expect(stacked).toHaveLength(8);
    expect(stacked[0]).toHaveLength(8);
    expect(stacked[0]?.[0]).toHaveLength(20);
    for (let v = 0; v < 8; v++) {
      for (let u = 0; u < 8; u++) {
        for (let k = 0; k < 10; k++) {
          expect(stacked[v]?.[u]?.[2 * k]).toBeCloseTo(flows[k]?.[v]?.[u]?.[0] ?? NaN, 6);
          expect(stacked[v]?.[u]?.[2 * k + 1]).toBeCloseTo(flows[k]?.[v]?.[u]?.[1] ?? NaN, 6);
        }
      }
    }
  });

  it("gives a single field two channels, dx then dy", () => {
    const flows = [
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ];
    expect(stackFlows(flows)).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  it("removes each field's mean displacement, leaving zero-mean fields", () => {
    const flows = toyFlows(3, 6, "translate", 2, 9);
    const centred = subtractMeanFlow(flows);
    centred.forEach((field, t) => {
      for (const component of [0, 1]) {
        const values = field.flat().map((d) => d[component] ?? NaN);
        expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0, 5);
        // Each pixel moves by the same amount as its field's mean moved.
        const original = (flows[t] ?? []).flat().map((d) => d[component] ?? NaN);
        const mean = original.reduce((a, b) => a + b, 0) / original.length;
        expect(values[5]).toBeCloseTo((original[5] ?? NaN) - mean, 5);
      }
    });
  });

  it("draws the same camera shake for the same seed", () => {
    expect(toyFlows(2, 4, "zoom", 1, 5)).toEqual(toyFlows(2, 4, "zoom", 1, 5));
    expect(toyFlows(2, 4, "zoom", 1, 5)[0]?.[0]?.[0]).not.toEqual(
      toyFlows(2, 4, "zoom", 1, 6)[0]?.[0]?.[0],
    );
  });
});
