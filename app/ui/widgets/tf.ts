/**
 * The one owner of TensorFlow.js for the widgets.
 *
 * Only `@tensorflow/tfjs-core` and the CPU backend are imported (never the whole
 * `@tensorflow/tfjs` bundle), so the widget chunk stays small: the pictures are tiny
 * (a few hundred numbers), where WebGL would cost more to start than it saves.
 *
 * Ops are called as functions (`tf.sub(a, b)`), never chained (`a.sub(b)`): chained methods
 * exist only after a side-effect import that this module deliberately does not make.
 *
 * Nothing outside `app/ui/widgets/<name>/` imports this file, and those folders are only
 * reached through the lazy loaders in `registry.ts`, so a page without widgets ships none
 * of TensorFlow.js.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

export { tf };

let readying: Promise<void> | null = null;

/**
 * Selects the CPU backend explicitly and waits for it. Idempotent: every widget and test
 * may call it; the work happens once. A failure is not cached, so a later call retries.
 */
export function readyTf(): Promise<void> {
  if (readying === null) {
    readying = (async () => {
      const ok = await tf.setBackend("cpu");
      if (!ok) throw new Error("TensorFlow.js could not start its CPU backend");
      await tf.ready();
    })().catch((error: unknown) => {
      readying = null;
      throw error;
    });
  }
  return readying;
}

/** A tensor's values as a flat list. */
export function toVector(tensor: tf.Tensor): number[] {
  return Array.from(tensor.dataSync());
}

/** A rank-2 tensor's values as rows (without casting `arraySync`'s union type). */
export function toMatrix(tensor: tf.Tensor): number[][] {
  if (tensor.rank !== 2)
    throw new Error(`toMatrix expects rank 2, got shape [${tensor.shape.join(", ")}]`);
  const [rows = 0, cols = 0] = tensor.shape;
  const data = tensor.dataSync();
  return Array.from({ length: rows }, (_, r) =>
    Array.from(data.subarray(r * cols, (r + 1) * cols)),
  );
}

/** A rank-3 tensor's values as nested lists [d0][d1][d2]. */
export function toCube(tensor: tf.Tensor): number[][][] {
  if (tensor.rank !== 3)
    throw new Error(`toCube expects rank 3, got shape [${tensor.shape.join(", ")}]`);
  const [d0 = 0, d1 = 0, d2 = 0] = tensor.shape;
  const data = tensor.dataSync();
  return Array.from({ length: d0 }, (_, i) =>
    Array.from({ length: d1 }, (_, j) =>
      Array.from(data.subarray((i * d1 + j) * d2, (i * d1 + j + 1) * d2)),
    ),
  );
}
