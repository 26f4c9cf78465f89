/**
 * MoCo's momentum (key) encoder. After each optimiser step of the query encoder θ_q, the
 * key encoder θ_k moves a little towards it:
 *
 *   θ_k ← m · θ_k + (1 − m) · θ_q
 *
 * Unrolled over steps t = 1…T with the query weights q_t after step t:
 *
 *   k_t = m^t · k_0 + (1 − m) · Σ_{s=1}^{t} m^{t−s} · q_s
 *
 * an exponential moving average with time constant 1/(1 − m) steps (10, 100, 1000 for
 * m = 0.9, 0.99, 0.999). With the query weights held at q, the key closes the gap
 * geometrically: k_t = q + m^t · (k_0 − q); so if q jumps from 0 to 1, k_t = 1 − m^t. If q
 * grows steadily by r per step, k trails it by m·r / (1 − m) once settled. The lag is the
 * point: keys in the queue, encoded over many past steps, stay consistent with each other.
 *
 * MoCo's momenta are easiest to read as a number of nines, m = 1 − 10^(−n): n = 0 is no
 * momentum (the key encoder is a copy of the query encoder), n = 3 is the default 0.999.
 */
import { requireInput } from "../errors";
import { tf, toMatrix } from "../tf";

function checkMomentum(m: number): void {
  requireInput(m >= 0 && m < 1, "momentum", m, "The momentum m must be at least 0 and below 1.");
}

/** Most nines accepted: float32 steps near 1 are 6·10⁻⁸ apart, so 1 − m = 10⁻⁶ is still
 * held to a few per cent, and more nines would be mostly rounding. */
export const MAX_NINES = 6;

/**
 * The momentum with `nines` nines after the point: m = 1 − 10^(−nines), so 0, 1, 2, 3, 4
 * give 0, 0.9, 0.99, 0.999, 0.9999. Rounded to 12 decimals so that it prints as written.
 */
export function momentumFromNines(nines: number): number {
  requireInput(
    Number.isInteger(nines) && nines >= 0 && nines <= MAX_NINES,
    "nines",
    nines,
    `The momentum must have between 0 and ${MAX_NINES} nines.`,
  );
  return Number((1 - 10 ** -nines).toFixed(12));
}

/** The averaging window of the moving average, in steps: 1 / (1 − m). */
export function timeConstant(m: number): number {
  checkMomentum(m);
  return 1 / (1 - m);
}

/**
 * The key weights k_1…k_T for each momentum in `momenta`, given the query weights q_1…q_T
 * and the starting key weight k_0. Computed as a parallel (Hillis–Steele) scan of the
 * linear recurrence, log₂T rounds of "b_t += m^d · b_{t−d}", instead of T sequential
 * updates: a few dozen tensor ops even for T in the thousands, and no m^{−t} that
 * would overflow float32. The factors 1 − m and m^d are computed in float64 before they
 * become tensors: m itself rounded to float32 would put 1 − m off by 2 parts in 10⁴ for
 * m = 0.9999, and m^2000 off by 3 parts in 10⁵.
 */
export function momentumTrajectories(
  query: readonly number[],
  momenta: readonly number[],
  initial = 0,
): number[][] {
  momenta.forEach(checkMomentum);
  const steps = query.length;
  requireInput(steps > 0, "query", steps, "There must be at least one step.");
  return tf.tidy(() => {
    // A per-momentum factor as a [M, 1] column, computed in float64.
    const column = (f: (m: number) => number) => tf.tensor2d(momenta.map((m) => [f(m)]));
    const gain = column((m) => 1 - m);
    let b = tf.mul(gain, tf.tensor2d([[...query]])); // (1 − m)·q_t, [M, T]
    for (let d = 1; d < steps; d *= 2) {
      const shifted = tf.pad(tf.slice(b, [0, 0], [-1, steps - d]), [
        [0, 0],
        [d, 0],
      ]);
      const reach = column((m) => m ** d);
      b = tf.add(b, tf.mul(reach, shifted));
    }
    if (initial === 0) return toMatrix(b);
    const decay = tf.tensor2d(
      momenta.map((m) => Array.from({ length: steps }, (_, t) => m ** (t + 1))),
    ); // m^t, [M, T]
    return toMatrix(tf.add(b, tf.mul(initial, decay)));
  });
}

/** Steps until the key has covered half of a jump: ln ½ / ln m (≈ 6.6, 69, 693). */
export function halfLife(m: number): number {
  checkMomentum(m);
  return m === 0 ? 0 : Math.log(0.5) / Math.log(m);
}
