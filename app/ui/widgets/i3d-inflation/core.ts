/**
 * I3D's inflation (Carreira & Zisserman, 2017): a 2D kernel w (k × k) pretrained on images
 * becomes a 3D kernel (N × k × k) by repeating it N times over time and dividing by N:
 *
 *   w3d[t] = w / N,   t = 1…N
 *
 * The "boring video" check: a video that repeats one image x for T frames, convolved with
 * the inflated kernel, gives at every frame exactly the 2D response to x, because
 * Σ_t (w/N) ∗ x = w ∗ x. So the inflated network starts where the image network was.
 */
import { requireInput } from "../errors";
import { tf, toCube, toMatrix } from "../tf";

type Grid = readonly (readonly number[])[];

/** Repeat a 2D kernel over `time` frames and divide by `time`. */
export function inflateKernel(kernel: Grid, time: number): number[][][] {
  requireInput(
    Number.isInteger(time) && time >= 1,
    "time",
    time,
    "The temporal kernel size must be a whole number ≥ 1.",
  );
  return tf.tidy(() =>
    toCube(
      tf.div(tf.tile(tf.expandDims(tf.tensor2d(kernel.map((r) => [...r])), 0), [time, 1, 1]), time),
    ),
  );
}

/** Valid 2D cross-correlation of a one-channel image with a kernel (tfjs conv2d). */
export function conv2d(image: Grid, kernel: Grid): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor4d([image.map((row) => row.map((v) => [v]))]);
    const k = tf.tensor4d(kernel.map((row) => row.map((v) => [[v]])));
    return toMatrix(tf.squeeze(tf.conv2d(x, k, 1, "valid"), [0, 3]));
  });
}

/** Valid 3D cross-correlation of a one-channel video [T][H][W] (tfjs conv3d). */
export function conv3d(video: readonly Grid[], kernel: readonly Grid[]): number[][][] {
  requireInput(
    kernel.length <= video.length,
    "frames",
    video.length,
    "The video needs at least as many frames as the temporal kernel.",
  );
  return tf.tidy(() => {
    const x = tf.tensor5d([video.map((frame) => frame.map((row) => row.map((v) => [v])))]);
    const k = tf.tensor5d(kernel.map((slice) => slice.map((row) => row.map((v) => [[v]]))));
    return toCube(tf.squeeze(tf.conv3d(x, k, 1, "valid"), [0, 4]));
  });
}

/**
 * A video of `frames` copies of the image, each shifted `speed` pixels further right
 * (cyclically); speed 0 is the boring video.
 */
export function makeVideo(image: Grid, frames: number, speed = 0): number[][][] {
  const width = image[0]?.length ?? 0;
  return Array.from({ length: frames }, (_, t) =>
    image.map((row) => row.map((_, c) => row[(((c - t * speed) % width) + width) % width] ?? 0)),
  );
}

export type BoringCheck = {
  out2d: number[][];
  /** One output frame per valid temporal position: T − N + 1 frames. */
  out3d: number[][][];
  /** max |out3d[t] − out2d| over all frames and pixels: 0 (up to rounding) for a boring video. */
  maxDifference: number;
};

export function boringVideoCheck(
  image: Grid,
  kernel: Grid,
  time: number,
  frames: number,
  speed = 0,
): BoringCheck {
  const out2d = conv2d(image, kernel);
  const out3d = conv3d(makeVideo(image, frames, speed), inflateKernel(kernel, time));
  let maxDifference = 0;
  for (const frame of out3d) {
    frame.forEach((row, r) =>
      row.forEach(
        (v, c) => (maxDifference = Math.max(maxDifference, Math.abs(v - (out2d[r]?.[c] ?? NaN)))),
      ),
    );
  }
  return { out2d, out3d, maxDifference };
}
