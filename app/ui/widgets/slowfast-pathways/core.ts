/**
 * SlowFast (Feichtenhofer et al., 2019). From a clip of raw frames, the Slow pathway takes
 * every τ-th frame (T = frames/τ) with C channels; the Fast pathway takes α times more
 * frames (every τ/α-th, αT frames) with β times the channels (βC), so it is cheap:
 * roughly, compute ∝ frames × channels², so Fast costs α·β² of Slow (8 · 1/64 = 1/8 with
 * α = 8, β = 1/8).
 *
 * Lateral connections carry Fast into Slow; their shapes must meet Slow's T frames:
 *   time-to-channel:        {αT, S², βC} → {T, S², αβC}  (reshape)
 *   time-strided sampling:  {αT, S², βC} → {T, S², βC}   (every α-th frame)
 *   time-strided conv:      {αT, S², βC} → {T, S², 2βC}  (5×1² kernel, stride α)
 */
import { requireInput } from "../errors";
import { tf, toVector } from "../tf";

export type Fusion = "time-to-channel" | "time-strided-sampling" | "time-strided-conv";

export type SlowFastConfig = {
  /** Raw frames in the clip (64 in the paper). */
  rawFrames: number;
  /** Slow pathway stride in raw frames (16). */
  tau: number;
  /** Frame-rate ratio α (8). */
  alpha: number;
  /** Channel ratio β (1/8). */
  beta: number;
  /** Slow pathway channels C at the stage shown (64 at res2's input). */
  channels: number;
};

/** Raw frame indices 0, s, 2s, … below `rawFrames` (via tf.range). */
export function sampleFrames(rawFrames: number, stride: number): number[] {
  requireInput(
    stride >= 1 && Number.isInteger(stride),
    "stride",
    stride,
    "The sampling stride must be a whole number ≥ 1.",
  );
  return tf.tidy(() => toVector(tf.range(0, rawFrames, stride, "int32")));
}

export type SlowFastShapes = {
  slowFrames: number[];
  fastFrames: number[];
  slow: { frames: number; channels: number };
  fast: { frames: number; channels: number };
  /** [frames, channels] of what the lateral connection adds to the Slow pathway. */
  lateral: [number, number];
  /** Fast's compute relative to Slow's: α·β² (frames × channels²). */
  fastToSlowCost: number;
};

/**
 * Shapes of both pathways and of the lateral connection. The lateral shape is computed by
 * running the actual operation (reshape, strided slice or strided conv3d) on a zero tensor
 * with spatial size 1, so it is the shape tfjs produces, not a formula restated.
 */
export function slowFastShapes(config: SlowFastConfig, fusion: Fusion): SlowFastShapes {
  const { rawFrames, tau, alpha, beta, channels } = config;
  requireInput(
    rawFrames % tau === 0,
    "rawFrames",
    rawFrames,
    `τ = ${tau} must divide the ${rawFrames} raw frames.`,
  );
  requireInput(
    tau % alpha === 0,
    "alpha",
    alpha,
    `α = ${alpha} must divide τ = ${tau} so the Fast stride τ/α is whole.`,
  );
  const fastChannels = Math.round(beta * channels);
  requireInput(fastChannels >= 1, "beta", beta, "β·C must be at least one channel.");
  const slowFrames = sampleFrames(rawFrames, tau);
  const fastFrames = sampleFrames(rawFrames, tau / alpha);
  const T = slowFrames.length;
  const lateral = tf.tidy((): [number, number] => {
    const fast = tf.zeros<tf.Rank.R5>([1, fastFrames.length, 1, 1, fastChannels]);
    let out: tf.Tensor;
    if (fusion === "time-to-channel") {
      out = tf.reshape(fast, [1, T, 1, 1, alpha * fastChannels]);
    } else if (fusion === "time-strided-sampling") {
      out = tf.stridedSlice(
        fast,
        [0, 0, 0, 0, 0],
        [1, fastFrames.length, 1, 1, fastChannels],
        [1, alpha, 1, 1, 1],
      );
    } else {
      out = tf.conv3d(
        fast,
        tf.zeros<tf.Rank.R5>([5, 1, 1, fastChannels, 2 * fastChannels]),
        [alpha, 1, 1],
        "same",
      );
    }
    return [out.shape[1] ?? 0, out.shape[4] ?? 0];
  });
  return {
    slowFrames,
    fastFrames,
    slow: { frames: T, channels },
    fast: { frames: fastFrames.length, channels: fastChannels },
    lateral,
    fastToSlowCost: alpha * beta * beta,
  };
}
