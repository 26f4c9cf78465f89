/**
 * Swin Transformer's windows. Self-attention runs inside non-overlapping M × M windows of
 * the H × W token grid, so its cost is linear in H·W instead of quadratic. Every other
 * block shifts the windows by s = ⌊M/2⌋ so information crosses window borders. Shifted
 * naively, the grid would have (H/M + 1)(W/M + 1) windows, some smaller than M × M; Swin
 * instead rolls the map by −s (a cyclic shift), partitions regularly into (H/M)(W/M)
 * windows, and masks attention between tokens that only landed in one window by wrapping.
 *
 * Between stages, patch merging concatenates each 2 × 2 group of tokens (4C channels) and
 * projects to 2C:  H/4 × W/4 × C → H/8 × W/8 × 2C → H/16 × W/16 × 4C → H/32 × W/32 × 8C.
 */
import { requireInput } from "../errors";
import { tf, toCube, toMatrix } from "../tf";

function checkGrid(height: number, width: number, window: number): void {
  requireInput(
    Number.isInteger(window) && window > 0 && height % window === 0 && width % window === 0,
    "window",
    window,
    `A window of ${window} does not tile a ${height} × ${width} grid.`,
  );
}

/**
 * torch.roll on both axes: out[(i + shift) mod H][(j + shift) mod W] = grid[i][j].
 * Done with tensor slices and concats (tfjs has no roll op).
 */
export function roll(grid: readonly (readonly number[])[], shift: number): number[][] {
  const h = grid.length;
  const w = grid[0]?.length ?? 0;
  const sr = ((shift % h) + h) % h;
  const sc = ((shift % w) + w) % w;
  return tf.tidy(() => {
    const x = tf.tensor2d(grid.map((row) => [...row]));
    const rows =
      sr === 0
        ? x
        : tf.concat([tf.slice(x, [h - sr, 0], [sr, w]), tf.slice(x, [0, 0], [h - sr, w])], 0);
    const both =
      sc === 0
        ? rows
        : tf.concat([tf.slice(rows, [0, w - sc], [h, sc]), tf.slice(rows, [0, 0], [h, w - sc])], 1);
    return toMatrix(both);
  });
}

/** Window id of each token under the regular partition: ⌊r/M⌋·(W/M) + ⌊c/M⌋. */
export function regularWindows(height: number, width: number, window: number): number[][] {
  checkGrid(height, width, window);
  return tf.tidy(() => {
    const r = tf.floorDiv(tf.range(0, height, 1, "int32"), window);
    const c = tf.floorDiv(tf.range(0, width, 1, "int32"), window);
    const ids = tf.add(
      tf.mul(tf.reshape(r, [height, 1]), width / window),
      tf.reshape(c, [1, width]),
    );
    return toMatrix(ids);
  });
}

/**
 * Window id of each token (in original positions) after Swin's cyclic shift: the map is
 * rolled by −s and partitioned regularly, so token (r, c) belongs to the regular window of
 * ((r − s) mod H, (c − s) mod W); that is the regular ids rolled by +s.
 */
export function cyclicShiftedWindows(
  height: number,
  width: number,
  window: number,
  shift: number,
): number[][] {
  return roll(regularWindows(height, width, window), shift);
}

/**
 * Window id of each token if the windows were simply moved by s without wrapping:
 * borders at s, s + M, …, giving (H/M + 1)·(W/M + 1) windows when 0 < s < M.
 */
export function naiveShiftedWindows(
  height: number,
  width: number,
  window: number,
  shift: number,
): number[][] {
  checkGrid(height, width, window);
  requireInput(
    shift >= 0 && shift < window,
    "shift",
    shift,
    "The shift must be at least 0 and below the window size.",
  );
  const perRow = width / window + (shift > 0 ? 1 : 0);
  return tf.tidy(() => {
    const index = (n: number) =>
      tf.floorDiv(tf.add(tf.range(0, n, 1, "int32"), shift > 0 ? window - shift : 0), window);
    const ids = tf.add(
      tf.mul(tf.reshape(index(height), [height, 1]), perRow),
      tf.reshape(index(width), [1, width]),
    );
    return toMatrix(ids);
  });
}

/** How many distinct ids a window map has. */
export function windowCount(ids: readonly (readonly number[])[]): number {
  return new Set(ids.flat()).size;
}

/**
 * Pairs (query, key), ordered, that share a cyclic-shifted window but would not share a
 * naive shifted window: the ones Swin's attention mask blocks (adds −100 to).
 */
export function maskedPairs(height: number, width: number, window: number, shift: number): number {
  const cyclic = cyclicShiftedWindows(height, width, window, shift).flat();
  const naive = naiveShiftedWindows(height, width, window, shift).flat();
  let blocked = 0;
  for (let a = 0; a < cyclic.length; a++) {
    for (let b = 0; b < cyclic.length; b++) {
      if (cyclic[a] === cyclic[b] && naive[a] !== naive[b]) blocked++;
    }
  }
  return blocked;
}

/**
 * Patch merging before its linear layer: H × W × C → H/2 × W/2 × 4C, concatenating
 * x[0::2, 0::2], x[1::2, 0::2], x[0::2, 1::2], x[1::2, 1::2] in Swin's order.
 */
export function mergePatches(x: readonly (readonly (readonly number[])[])[]): number[][][] {
  const h = x.length;
  const w = x[0]?.length ?? 0;
  const c = x[0]?.[0]?.length ?? 0;
  requireInput(
    h % 2 === 0 && w % 2 === 0 && h > 0,
    "x",
    [h, w],
    "Patch merging needs an even height and width.",
  );
  return tf.tidy(() => {
    const t = tf.tensor3d(x.map((row) => row.map((v) => [...v])));
    const pick = (r0: number, c0: number) => tf.stridedSlice(t, [r0, c0, 0], [h, w, c], [2, 2, 1]);
    return toCube(tf.concat([pick(0, 0), pick(1, 0), pick(0, 1), pick(1, 1)], 2));
  });
}

export type SwinStage = {
  stage: number;
  /** [H, W, C] of the tokens the stage's blocks see. */
  shape: [number, number, number];
  /** Windows per image at window size M in this stage. */
  windows: number;
};

/** Token shapes of Swin's four stages for an image of `size` and embedding width C. */
export function swinStages(size: number, channels: number, window = 7): SwinStage[] {
  requireInput(size % 32 === 0, "size", size, "The image side must be a multiple of 32.");
  return [1, 2, 3, 4].map((stage) => {
    const side = size / 2 ** (stage + 1);
    const windows = Math.ceil(side / window) ** 2;
    return { stage, shape: [side, side, channels * 2 ** (stage - 1)], windows };
  });
}
