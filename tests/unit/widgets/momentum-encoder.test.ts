import { beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { gaussianMatrix } from "@/app/ui/widgets/prng";
import {
  halfLife,
  momentumFromNines,
  momentumTrajectories,
  timeConstant,
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
  it("follows the closed form 1 − m^t after a unit jump, for all three momenta", () => {
    const steps = 700;
    const [k9 = [], k99 = [], k999 = []] = momentumTrajectories(
      new Array<number>(steps).fill(1),
      [0.9, 0.99, 0.999],
    );
    for (const t of [1, 2, 10, 69, 100, 693]) {
      expect(k9[t - 1]).toBeCloseTo(1 - 0.9 ** t, 5);
      expect(k99[t - 1]).toBeCloseTo(1 - 0.99 ** t, 5);
      expect(k999[t - 1]).toBeCloseTo(1 - 0.999 ** t, 5);
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
    expect((query[399] ?? NaN) - (k9[399] ?? NaN)).toBeCloseTo((0.9 * rate) / (1 - 0.9), 4);
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
    expect(() => timeConstant(1)).toThrow(/momentum/);
  });
});

// The slider's values, checked against numbers worked out by hand (or with a calculator,
// noted beside each), never against another function of the code under test.
describe("momentum slider", () => {
  it("reads 0, 1, 2, 3, 4 nines as m = 0, 0.9, 0.99, 0.999, 0.9999, printed as written", () => {
    expect([0, 1, 2, 3, 4].map(momentumFromNines)).toEqual([0, 0.9, 0.99, 0.999, 0.9999]);
    expect(String(momentumFromNines(4))).toBe("0.9999");
    expect(() => momentumFromNines(1.5)).toThrow(/nines/);
    expect(() => momentumFromNines(7)).toThrow(/nines/);
  });

  it("gives time constants 1/(1 − m) of 1, 10, 100, 1000 and 10,000 steps", () => {
    expect(timeConstant(0)).toBe(1);
    expect(timeConstant(0.9)).toBeCloseTo(10, 9);
    expect(timeConstant(0.99)).toBeCloseTo(100, 8);
    expect(timeConstant(0.999)).toBeCloseTo(1000, 7);
    expect(timeConstant(0.9999)).toBeCloseTo(10000, 6);
  });

  it("runs every slider value to the closed form, checked against hand-computed numbers", () => {
    // θ_q held at 1 from θ_k0 = 3, so θ_k = 1 + 2·mⁿ.
    const steps = 2000;
    const query = new Array<number>(steps).fill(1);
    const momenta = [0, 0.9, 0.99, 0.999, 0.9999];
    const [k0 = [], k9 = [], k99 = [], k999 = [], k9999 = []] = momentumTrajectories(
      query,
      momenta,
      3,
    );
    // m = 0: the key is a copy of the query from the first step on.
    expect(k0[0]).toBeCloseTo(1, 6);
    expect(k0[steps - 1]).toBeCloseTo(1, 6);
    // m = 0.9, n = 10: 0.9¹⁰ = 0.3486784401 (exactly, by repeated squaring by hand).
    expect(k9[9]).toBeCloseTo(1 + 2 * 0.3486784401, 5);
    // m = 0.99, n = 100: 0.99¹⁰⁰ = e^(100·ln 0.99) = e^(−1.005033585) = 0.3660323413.
    expect(k99[99]).toBeCloseTo(1 + 2 * 0.3660323413, 5);
    // m = 0.999, n = 300: e^(300·ln 0.999) = e^(−0.3001501001) = 0.7407070322.
    expect(k999[299]).toBeCloseTo(1 + 2 * 0.7407070322, 5);
    // m = 0.9999, n = 2000: e^(2000·ln 0.9999) = e^(−0.2000100007) = 0.8187225653.
    expect(k9999[1999]).toBeCloseTo(1 + 2 * 0.8187225653, 5);
  });

  it("leaves m = 0.9999 at a lag of 0.97 after 300 steps of a unit jump, m = 0.9 at none", () => {
    // Lag θ_q − θ_k = 0.9999³⁰⁰ = e^(−0.0300015) = 0.970444; 0.9³⁰⁰ ≈ 1.9·10⁻¹⁴.
    const [k9 = [], k9999 = []] = momentumTrajectories(
      new Array<number>(300).fill(1),
      [0.9, 0.9999],
    );
    expect(1 - (k9999[299] ?? NaN)).toBeCloseTo(0.970444, 4);
    expect(1 - (k9[299] ?? NaN)).toBeCloseTo(0, 6);
  });
});
