import { z } from "zod";
import { NOTE_AREAS } from "./areas";


export const QUIZ_MODES = ["each", "end"] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export const QUIZ_LENGTH_MIN = 1;
export const QUIZ_LENGTH_MAX = 50;
export const QUIZ_LENGTH_DEFAULT = 10;

const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a note slug.").max(100);
const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an id.");

/** What a quiz is drawn from. A retake is started from its parent attempt, not from here. */
export const quizScopeInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("note"), slug: slugSchema }),
  z.object({
    kind: z.literal("areas"),
    areas: z.array(z.enum(NOTE_AREAS)).min(1, "Pick at least one area.").max(NOTE_AREAS.length),
  }),
  z.object({ kind: z.literal("weak") }),
]);
export type QuizScopeInput = z.infer<typeof quizScopeInputSchema>;

export const startQuizSchema = z.object({
  scope: quizScopeInputSchema,
  length: z.coerce
    .number()
    .int("Choose a whole number of questions.")
    .min(QUIZ_LENGTH_MIN, `Ask for at least ${QUIZ_LENGTH_MIN} question.`)
    .max(QUIZ_LENGTH_MAX, `Ask for at most ${QUIZ_LENGTH_MAX} questions.`),
  mode: z.enum(QUIZ_MODES),
});
export type StartQuizInput = z.infer<typeof startQuizSchema>;

/**
 * A response in shown indices (see `presentQuestion`): a choice index, a list of indices
 * (multiple, ordering), true/false, typed text (short, numeric), or null for "skipped".
 */
export const quizResponseSchema = z.union([
  z.null(),
  z.boolean(),
  z.number().int().min(0).max(64),
  z.array(z.number().int().min(0).max(64)).max(16),
  z.string().max(500),
]);
export type QuizResponseInput = z.infer<typeof quizResponseSchema>;

export const answerQuizQuestionSchema = z.object({
  attemptId: idSchema,
  questionId: idSchema,
  response: quizResponseSchema,
  /** Time the question was on screen, as the page measured it; clamped to an hour. */
  timeMs: z.number().int().min(0).transform((ms) => Math.min(ms, 3_600_000)),
});
export type AnswerQuizQuestionInput = z.infer<typeof answerQuizQuestionSchema>;

export const attemptIdSchema = z.object({ attemptId: idSchema });

/** The `[id]` of /api/quiz-attempts/[id]. */
export const attemptParamsSchema = z.object({ id: idSchema });

/** The scope as stored with an attempt (`QuizAttempt.scope`). */
export const storedQuizScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("note"), slug: z.string() }),
  z.object({ kind: z.literal("areas"), areas: z.array(z.string()) }),
  z.object({ kind: z.literal("weak") }),
  z.object({ kind: z.literal("retake"), parentId: z.string(), of: z.string() }),
]);
export type StoredQuizScope = z.infer<typeof storedQuizScopeSchema>;
