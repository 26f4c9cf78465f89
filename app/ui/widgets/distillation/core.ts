/**
 * Knowledge distillation (Hinton et al., 2015). Logits z go through a softmax at
 * temperature T,
 *
 *   p_i(T) = exp(z_i / T) / Σ_j exp(z_j / T),
 *
 * which, for T > 1, spreads probability onto the wrong-but-plausible classes ("dark
 * knowledge"). The student learns from the teacher's soft targets and from the hard label y:
 *
 *   ℒ = α · T² · KL(p^teacher(T) ‖ p^student(T)) + (1 − α) · CE(y, p^student(1))
 *
 * The T² keeps the soft term's gradients, which shrink as 1/T², on the same scale as the
 * hard term's when T changes.
 */
import { requireInput } from "../errors";
import { tf, toVector } from "../tf";

/** softmax(z / T). */
export function softmaxAt(logits: readonly number[], temperature: number): number[] {
  requireInput(temperature > 0, "temperature", temperature, "The temperature T must be positive.");
  return tf.tidy(() => toVector(tf.softmax(tf.div(tf.tensor1d([...logits]), temperature))));
}

export type DistillationInput = {
  student: readonly number[];
  teacher: readonly number[];
  /** Index of the true class. */
  label: number;
  temperature: number;
  /** Weight of the soft (teacher) term, in [0, 1]. */
  alpha: number;
};

export type DistillationLoss = {
  teacherSoft: number[];
  studentSoft: number[];
  /** The student's ordinary (T = 1) probabilities, used by the hard-label term. */
  studentHard: number[];
  /** KL(p^teacher(T) ‖ p^student(T)). */
  kl: number;
  /** −log p^student_y(1). */
  crossEntropy: number;
  /** α · T² · KL + (1 − α) · CE. */
  total: number;
};

export function distillationLoss(input: DistillationInput): DistillationLoss {
  const { student, teacher, label, temperature: T, alpha } = input;
  requireInput(T > 0, "temperature", T, "The temperature T must be positive.");
  requireInput(alpha >= 0 && alpha <= 1, "alpha", alpha, "α must lie between 0 and 1.");
  requireInput(
    student.length === teacher.length && student.length > 0,
    "student",
    student.length,
    "Student and teacher need the same classes.",
  );
  requireInput(
    Number.isInteger(label) && label >= 0 && label < student.length,
    "label",
    label,
    "The label must name one of the classes.",
  );
  return tf.tidy(() => {
    const s = tf.tensor1d([...student]);
    const t = tf.tensor1d([...teacher]);
    const logTeacher = tf.logSoftmax(tf.div(t, T));
    const logStudent = tf.logSoftmax(tf.div(s, T));
    const kl = tf.sum(tf.mul(tf.exp(logTeacher), tf.sub(logTeacher, logStudent)));
    const logHard = tf.logSoftmax(s);
    const crossEntropy = tf.neg(tf.gather(logHard, label));
    const [klValue = NaN] = toVector(kl);
    const [ceValue = NaN] = toVector(crossEntropy);
    return {
      teacherSoft: toVector(tf.exp(logTeacher)),
      studentSoft: toVector(tf.exp(logStudent)),
      studentHard: toVector(tf.exp(logHard)),
      kl: klValue,
      crossEntropy: ceValue,
      total: alpha * T * T * klValue + (1 - alpha) * ceValue,
    };
  });
}
