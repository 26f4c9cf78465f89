import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { sampleFrames, slowFastShapes } from "@/app/ui/widgets/slowfast-pathways/core";

beforeAll(readyTf);

const paper = { rawFrames: 64, tau: 16, alpha: 8, beta: 1 / 8, channels: 64 };

describe("SlowFast pathways", () => {
  it("samples every τ-th frame for Slow and every τ/α-th for Fast", () => {
    expect(sampleFrames(64, 16)).toEqual([0, 16, 32, 48]);
    const shapes = slowFastShapes(paper, "time-strided-conv");
    expect(shapes.slow).toEqual({ frames: 4, channels: 64 });
    expect(shapes.fast).toEqual({ frames: 32, channels: 8 });
    expect(shapes.fastFrames.slice(0, 3)).toEqual([0, 2, 4]);
  });

  it("gives each lateral connection the paper's output shape", () => {
    expect(slowFastShapes(paper, "time-to-channel").lateral).toEqual([4, 64]); // αβC
    expect(slowFastShapes(paper, "time-strided-sampling").lateral).toEqual([4, 8]); // βC
    expect(slowFastShapes(paper, "time-strided-conv").lateral).toEqual([4, 16]); // 2βC
  });

  it("costs the Fast pathway α·β² of the Slow one", () => {
    expect(slowFastShapes(paper, "time-to-channel").fastToSlowCost).toBeCloseTo(0.125, 10);
    expect(
      slowFastShapes({ ...paper, alpha: 4, beta: 1 / 4 }, "time-to-channel").fastToSlowCost,
    ).toBeCloseTo(0.25, 10);
  });

  it("keeps Fast aligned with Slow: every α-th Fast frame is a Slow frame", () => {
    for (const alpha of [2, 4, 8, 16]) {
      const { slowFrames, fastFrames } = slowFastShapes(
        { ...paper, alpha },
        "time-strided-sampling",
      );
      expect(fastFrames.filter((_, i) => i % alpha === 0)).toEqual(slowFrames);
    }
  });

  it("rejects an α that does not divide τ", () => {
    expect(() => slowFastShapes({ ...paper, alpha: 3 }, "time-to-channel")).toThrow(/divide/);
  });
});
