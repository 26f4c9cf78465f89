import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { gaussianMatrix } from "@/app/ui/widgets/prng";
import {
  driftLag,
  halfLife,
  momentumStep,
  momentumTrajectories,
  stepResponse,
} from "@/app/ui/widgets/momentum-encoder/core";

beforeAll(readyTf);

/** The update applied one step at a time, as MoCo's training loop does. */
function loop(query: number[], m: number, k0: number): number[] {
  const out: number[] = [];
  let k = k0;
  for (const q of query) {
    k = m * k + (1 - m) * q;
    out.push(k);
  }
  return out;
}

describe("momentum encoder", () => {
  it("updates a parameter vector as m·θ_k + (1 − m)·θ_q", () => {
    const next = momentumStep([1, 2, 3], [3, 2, 1], 0.9);
    expect(next[0]).toBeCloseTo(0.9 * 1 + 0.1 * 3, 6);
    expect(next[2]).toBeCloseTo(0.9 * 3 + 0.1 * 1, 6);
  });

  it("follows the closed form 1 − m^t after a unit jump, for all three momenta", () => {
    const steps = 700;
    const [k9 = [], k99 = [], k999 = []] = momentumTrajectories(
      new Array<number>(steps).fill(1),
      [0.9, 0.99, 0.999],
    );
    for (const t of [1, 2, 10, 69, 100, 693]) {
      expect(k9[t - 1]).toBeCloseTo(stepResponse(0.9, t), 5);
      expect(k99[t - 1]).toBeCloseTo(stepResponse(0.99, t), 5);
      expect(k999[t - 1]).toBeCloseTo(stepResponse(0.999, t), 5);
    }
    expect(k999[692]).toBeCloseTo(0.5, 2);
  });

  it("matches the step-by-step loop on a random walk, with a non-zero start", () => {
    const [noise = []] = gaussianMatrix(4, 1, 300);
    const walk: number[] = [];
    noise.reduce((q, z) => {
      walk.push(q + z);
      return q + z;
    }, 0);
    for (const m of [0, 0.5, 0.9, 0.99]) {
      const [scan = []] = momentumTrajectories(walk, [m], 2.5);
      const expected = loop(walk, m, 2.5);
      expected.forEach((k, t) => expect(scan[t]).toBeCloseTo(k, 3));
    }
  });

  it("settles at a lag of m·r/(1 − m) behind a steadily drifting query encoder", () => {
    const rate = 0.01;
    const query = Array.from({ length: 400 }, (_, i) => rate * (i + 1));
    const [k9 = [], k99 = []] = momentumTrajectories(query, [0.9, 0.99]);
    expect((query[399] ?? NaN) - (k9[399] ?? NaN)).toBeCloseTo(driftLag(0.9, rate), 4);
    expect(driftLag(0.99, rate)).toBeCloseTo(0.99, 10);
    // After 400 steps m = 0.99 has nearly settled: the lag is 0.99·(1 − 0.99^400).
    expect((query[399] ?? NaN) - (k99[399] ?? NaN)).toBeCloseTo(0.99 * (1 - 0.99 ** 400), 3);
  });

  it("gives half-lives of about 6.6, 69 and 693 steps", () => {
    expect(halfLife(0.9)).toBeCloseTo(6.579, 2);
    expect(halfLife(0.99)).toBeCloseTo(68.97, 1);
    expect(halfLife(0.999)).toBeCloseTo(692.8, 0);
  });

  it("rejects a momentum of one, which would freeze the key encoder", () => {
    expect(() => momentumTrajectories([1], [1])).toThrow(/momentum/);
  });
});
