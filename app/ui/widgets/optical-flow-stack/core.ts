/**
 * Two-stream networks' temporal input (Simonyan & Zisserman, 2014): L consecutive optical
 * flow fields d_t (each H × W × 2, a horizontal and a vertical displacement per pixel) are
 * stacked into one H × W × 2L input, interleaved:
 *
 *   I(u, v, 2k) = d^x_{k}(u, v),   I(u, v, 2k + 1) = d^y_{k}(u, v),   k = 0…L−1
 *
 * (L = 10 in the paper, so 20 channels). Subtracting each field's mean displacement first
 * removes a global camera motion that would otherwise dominate the input.
 */
import { requireInput } from "../errors";
import { mulberry32 } from "../prng";
import { tf, toCube } from "../tf";

/** L × H × W × 2 displacement fields. */
export type FlowFields = number[][][][];

export type Motion = "translate" | "rotate" | "zoom";

/**
 * Seeded toy flow of an object moving in the middle of the frame (zero flow outside it),
 * optionally with camera shake: a random global displacement added to each whole field.
 */
export function toyFlows(
  length: number,
  size: number,
  motion: Motion,
  shake: number,
  seed: number,
): FlowFields {
  requireInput(
    Number.isInteger(length) && length >= 1,
    "length",
    length,
    "Stack at least one flow field.",
  );
  const random = mulberry32(seed);
  const c = (size - 1) / 2;
  return Array.from({ length }, (_, t) => {
    const camera = [shake * (random() * 2 - 1), shake * (random() * 2 - 1)];
    const phase = 1 + 0.3 * Math.sin(t);
    return Array.from({ length: size }, (_, v) =>
      Array.from({ length: size }, (_, u) => {
        const x = u - c;
        const y = v - c;
        const inside = Math.abs(x) <= size / 4 && Math.abs(y) <= size / 4;
        let d = [0, 0];
        if (inside) {
          if (motion === "translate") d = [phase, 0.3 * phase];
          else if (motion === "rotate") d = [-0.4 * y * phase, 0.4 * x * phase];
          else d = [0.3 * x * phase, 0.3 * y * phase];
        }
        return [(d[0] ?? 0) + (camera[0] ?? 0), (d[1] ?? 0) + (camera[1] ?? 0)];
      }),
    );
  });
}

function fieldsTensor(flows: FlowFields): tf.Tensor4D {
  return tf.tensor4d(flows.map((f) => f.map((row) => row.map((d) => [...d]))));
}

/** Subtracts from each field its mean displacement (per component, over all pixels). */
export function subtractMeanFlow(flows: FlowFields): FlowFields {
  return tf.tidy(() => {
    const x = fieldsTensor(flows);
    return tf.sub<tf.Tensor4D>(x, tf.mean(x, [1, 2], true)).arraySync();
  });
}

/** L × H × W × 2 → H × W × 2L, channels ordered (dx₀, dy₀, dx₁, dy₁, …). */
export function stackFlows(flows: FlowFields): number[][][] {
  const length = flows.length;
  const h = flows[0]?.length ?? 0;
  const w = flows[0]?.[0]?.length ?? 0;
  requireInput(
    length > 0 && h > 0 && w > 0,
    "flows",
    length,
    "There must be at least one non-empty flow field.",
  );
  return tf.tidy(() =>
    toCube(tf.reshape(tf.transpose(fieldsTensor(flows), [1, 2, 0, 3]), [h, w, 2 * length])),
  );
}
