/**
 * DETR's bipartite matching. N predictions (N ≥ number of objects M) each give class
 * probabilities p̂_i(·) and a box b̂_i; each ground-truth object j has a class c_j and box
 * b_j, boxes as (cx, cy, w, h) in [0, 1]. The matching cost is
 *
 *   C_ij = −λ_cls · p̂_i(c_j) + λ_L1 · ‖b̂_i − b_j‖₁ − λ_giou · GIoU(b̂_i, b_j)
 *
 * (λ = 1, 5, 2 in the paper), and the Hungarian algorithm picks the one-to-one assignment
 * σ minimising Σ_j C_σ(j),j. Predictions left unmatched are trained towards "no object".
 *
 * GIoU(A, B) = IoU − |E \ (A ∪ B)| / |E|, E the smallest box enclosing both: it is 1 for
 * equal boxes and still tells apart disjoint boxes (IoU 0) by how far apart they are.
 */
import { requireInput } from "../errors";
import { mulberry32 } from "../prng";
import { tf, toMatrix } from "../tf";

/** (cx, cy, w, h), normalised to the image. */
export type Box = readonly [number, number, number, number];

export type Prediction = {
  box: Box;
  /** Probabilities over the object classes (the ∅ class left out). */ probs: readonly number[];
};
export type Target = { box: Box; label: number };
export type CostWeights = { cls: number; l1: number; giou: number };

export const DETR_WEIGHTS: CostWeights = { cls: 1, l1: 5, giou: 2 };

/** Pairwise GIoU between every box of `a` (rows) and of `b` (columns). */
export function pairwiseGiou(a: readonly Box[], b: readonly Box[]): number[][] {
  return tf.tidy(() => {
    const corners = (boxes: readonly Box[]) => {
      const t = tf.tensor2d(
        boxes.map((box) => [...box]),
        [boxes.length, 4],
      );
      const column = (k: number) => tf.slice(t, [0, k], [-1, 1]);
      const [cx, cy, w, h] = [column(0), column(1), column(2), column(3)];
      const half = (v: tf.Tensor) => tf.div(v, 2);
      return {
        x0: tf.sub(cx, half(w)),
        y0: tf.sub(cy, half(h)),
        x1: tf.add(cx, half(w)),
        y1: tf.add(cy, half(h)),
        area: tf.mul(w, h),
      };
    };
    const p = corners(a); // columns [N, 1]
    const g = corners(b);
    const gt = {
      x0: tf.transpose(g.x0),
      y0: tf.transpose(g.y0),
      x1: tf.transpose(g.x1),
      y1: tf.transpose(g.y1),
      area: tf.transpose(g.area),
    }; // [1, M]
    const interW = tf.relu(tf.sub(tf.minimum(p.x1, gt.x1), tf.maximum(p.x0, gt.x0)));
    const interH = tf.relu(tf.sub(tf.minimum(p.y1, gt.y1), tf.maximum(p.y0, gt.y0)));
    const inter = tf.mul(interW, interH);
    const union = tf.sub(tf.add(p.area, gt.area), inter);
    const encloseW = tf.sub(tf.maximum(p.x1, gt.x1), tf.minimum(p.x0, gt.x0));
    const encloseH = tf.sub(tf.maximum(p.y1, gt.y1), tf.minimum(p.y0, gt.y0));
    const enclose = tf.mul(encloseW, encloseH);
    return toMatrix(tf.sub(tf.div(inter, union), tf.div(tf.sub(enclose, union), enclose)));
  });
}

export type CostMatrix = {
  /** N × M total cost. */
  total: number[][];
  /** −p̂_i(c_j). */
  cls: number[][];
  /** ‖b̂_i − b_j‖₁. */
  l1: number[][];
  /** GIoU(b̂_i, b_j) (enters the cost negated). */
  giou: number[][];
};

export function matchingCost(
  predictions: readonly Prediction[],
  targets: readonly Target[],
  weights: CostWeights = DETR_WEIGHTS,
): CostMatrix {
  requireInput(
    predictions.length > 0 && targets.length > 0,
    "targets",
    targets.length,
    "Matching needs at least one prediction and one object.",
  );
  const giou = pairwiseGiou(
    predictions.map((p) => p.box),
    targets.map((t) => t.box),
  );
  return tf.tidy(() => {
    const probs = tf.tensor2d(predictions.map((p) => [...p.probs]));
    const cls = tf.neg(
      tf.gather(
        probs,
        targets.map((t) => t.label),
        1,
      ),
    ); // [N, M]
    const predBoxes = tf.expandDims(tf.tensor2d(predictions.map((p) => [...p.box])), 1); // [N, 1, 4]
    const targetBoxes = tf.expandDims(tf.tensor2d(targets.map((t) => [...t.box])), 0); // [1, M, 4]
    const l1 = tf.sum(tf.abs(tf.sub(predBoxes, targetBoxes)), 2);
    const total = tf.sub(
      tf.add(tf.mul(weights.cls, cls), tf.mul(weights.l1, l1)),
      tf.mul(weights.giou, tf.tensor2d(giou)),
    );
    return { total: toMatrix(total), cls: toMatrix(cls), l1: toMatrix(l1), giou };
  });
}

export type Assignment = {
  /** (row, column) pairs, one per row if rows ≤ columns, else one per column; sorted by row. */
  pairs: [number, number][];
  cost: number;
};

/**
 * Minimum-cost assignment on a rectangular matrix (Kuhn–Munkres with potentials,
 * O(n²m)). This part is plain loops on purpose: it is a combinatorial search with data-
 * dependent branching, which tensor ops cannot express; tfjs computes the costs above.
 */
export function hungarian(cost: readonly (readonly number[])[]): Assignment {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  requireInput(
    rows > 0 && cols > 0 && cost.every((r) => r.length === cols),
    "cost",
    cost,
    "The cost matrix must be a non-empty rectangle.",
  );
  requireInput(
    cost.every((r) => r.every(Number.isFinite)),
    "cost",
    cost,
    "Every cost must be a finite number.",
  );
  // The algorithm below needs n ≤ m; a tall matrix is solved transposed.
  const transposed = rows > cols;
  const n = transposed ? cols : rows;
  const m = transposed ? rows : cols;
  const a = (i: number, j: number) =>
    (transposed ? cost[j - 1]?.[i - 1] : cost[i - 1]?.[j - 1]) ?? 0;

  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0); // p[j]: row matched to column j (1-based, 0 = none)
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] ?? 0;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = a(i0, j) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (reduced < (minv[j] ?? Infinity)) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const row = p[j] ?? 0;
          u[row] = (u[row] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? Infinity) - delta;
        }
      }
      j0 = j1;
    } while ((p[j0] ?? 0) !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }

  const pairs: [number, number][] = [];
  for (let j = 1; j <= m; j++) {
    const i = p[j] ?? 0;
    if (i === 0) continue;
    pairs.push(transposed ? [j - 1, i - 1] : [i - 1, j - 1]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const total = pairs.reduce((sum, [r, c]) => sum + (cost[r]?.[c] ?? 0), 0);
  return { pairs, cost: total };
}

export type ToyScene = { predictions: Prediction[]; targets: Target[] };

/**
 * A seeded scene: M objects with random boxes and classes; the first M predictions are
 * noisy guesses of them in a shuffled order (so the matching has work to do), the rest
 * random boxes with unsure class probabilities.
 */
export function toyScene(
  seed: number,
  predictions: number,
  objects: number,
  classes: number,
): ToyScene {
  requireInput(
    objects >= 1 && predictions >= objects,
    "predictions",
    predictions,
    "DETR needs at least as many predictions as objects.",
  );
  const random = mulberry32(seed);
  const box = (): Box => {
    const w = 0.15 + 0.3 * random();
    const h = 0.15 + 0.3 * random();
    return [w / 2 + (1 - w) * random(), h / 2 + (1 - h) * random(), w, h];
  };
  const softmax = (z: number[]) => {
    const e = z.map((v) => Math.exp(v));
    const s = e.reduce((x, y) => x + y, 0);
    return e.map((v) => v / s);
  };
  const targets: Target[] = Array.from({ length: objects }, () => ({
    box: box(),
    label: Math.floor(random() * classes),
  }));
  const guesses: Prediction[] = targets.map((t) => {
    const jitter = () => (random() - 0.5) * 0.12;
    const [cx, cy, w, h] = t.box;
    const logits = Array.from({ length: classes }, (_, c) => (c === t.label ? 2.5 : 0) + random());
    return {
      box: [
        cx + jitter(),
        cy + jitter(),
        Math.max(0.05, w + jitter()),
        Math.max(0.05, h + jitter()),
      ],
      probs: softmax(logits),
    };
  });
  const extras: Prediction[] = Array.from({ length: predictions - objects }, () => ({
    box: box(),
    probs: softmax(Array.from({ length: classes }, () => random())),
  }));
  // Interleave deterministically so prediction i is not simply object i.
  const all = [...guesses, ...extras];
  const order = all.map((_, i) => ({ i, key: random() })).sort((x, y) => x.key - y.key);
  return {
    predictions: order.map(({ i }) => all[i]).filter((p): p is Prediction => p !== undefined),
    targets,
  };
}
