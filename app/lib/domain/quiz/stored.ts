import { quizAnswerSchema, quizPayloadSchema } from "@/app/lib/schemas/content";
import type { QuizQuestion } from "./types";

/**
 * A question as the database stores it (`QuizQuestion.payload` and `.answer`, validated by the
 * content schemas) → the question `scoreAnswer` and `presentQuestion` take. An ordering
 * question's items come from the answer (the right order); the shown order comes from a seed.
 */
export function fromStoredQuestion(row: { id: string; prompt: string; payload: unknown; answer: unknown }): QuizQuestion {
  const payload = quizPayloadSchema.parse(row.payload);
  const answer = quizAnswerSchema.parse(row.answer);
  const base = { key: row.id, prompt: row.prompt };
  switch (answer.type) {
    case "single":
      return { ...base, type: "single", choices: payload.type === "single" ? payload.choices : [], answer: answer.index };
    case "multiple":
      return { ...base, type: "multiple", choices: payload.type === "multiple" ? payload.choices : [], answer: answer.indices };
    case "truefalse":
      return { ...base, type: "truefalse", answer: answer.value };
    case "short":
      return {
        ...base,
        type: "short",
        answer: answer.value,
        alternatives: answer.alternatives,
        ...(answer.zh ? { zh: { answer: answer.zh.value, alternatives: answer.zh.alternatives } } : {}),
      };
    case "numeric":
      return {
        ...base,
        type: "numeric",
        answer: answer.value,
        tolerance: answer.tolerance,
        ...(payload.type === "numeric" && payload.unit !== undefined ? { unit: payload.unit } : {}),
      };
    case "ordering":
      return { ...base, type: "ordering", items: answer.items, ...(answer.before ? { before: answer.before } : {}) };
  }
}

/** The seed of one question's shuffle within an attempt: the attempt's seed and the question. */
export function questionSeed(attemptSeed: string, questionId: string): string {
  return `${attemptSeed}:${questionId}`;
}
