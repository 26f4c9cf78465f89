/**
 * ViT's first step: an H × W × C image is cut into P × P patches, each flattened into a
 * vector of length P²·C, giving a sequence of
 *
 *   N = (H / P) · (W / P)
 *
 * tokens in raster order (left to right, top to bottom). Position i + 1 is added to token i
 * (position 0 belongs to the [class] token), so the sequence the Transformer sees is N + 1
 * long. Halving P quadruples N, and attention's cost grows with N².
 */
import { requireInput } from "../errors";
import { tf, toMatrix } from "../tf";

/** N = (H/P)·(W/P); throws when P does not divide both sides. */
export function tokenCount(height: number, width: number, patch: number): number {
  requireInput(
    Number.isInteger(patch) && patch > 0 && height % patch === 0 && width % patch === 0,
    "patch",
    patch,
    `A patch size of ${patch} does not divide a ${height} × ${width} image.`,
  );
  return (height / patch) * (width / patch);
}

export type Patched = {
  /** N × (P·P·C): token k is patch (⌊k / cols⌋, k mod cols), its pixels row by row. */
  tokens: number[][];
  rows: number;
  cols: number;
  /** Position ids added to the tokens: 1…N (0 is the [class] token). */
  positions: number[];
};

/** Cuts an H × W × C image into flattened P × P patches with tensor reshapes. */
export function patchify(
  image: readonly (readonly (readonly number[])[])[],
  patch: number,
): Patched {
  const height = image.length;
  const width = image[0]?.length ?? 0;
  const channels = image[0]?.[0]?.length ?? 0;
  const n = tokenCount(height, width, patch);
  const rows = height / patch;
  const cols = width / patch;
  const tokens = tf.tidy(() => {
    const x = tf.tensor3d(image.map((row) => row.map((pixel) => [...pixel])));
    // [H, W, C] → [H/P, P, W/P, P, C] → [H/P, W/P, P, P, C] → [N, P·P·C]
    const blocks = tf.reshape(x, [rows, patch, cols, patch, channels]);
    return toMatrix(
      tf.reshape(tf.transpose(blocks, [0, 2, 1, 3, 4]), [n, patch * patch * channels]),
    );
  });
  return { tokens, rows, cols, positions: Array.from({ length: n }, (_, i) => i + 1) };
}
