import { z } from "zod";
import { quizPayloadSchema } from "./content";
import { itemSourceSchema, noteLayoutSchema } from "./rendered-note";

/**
 * What the content sync stores in the `zh` columns (migration `zh_text`, docs/translation.md):
 * the Chinese words of a note, card or question, on the row of the English one. The pages parse
 * a stored value with these; an unknown shape reads as "no Chinese edition".
 */

/** Paper.zh: the Chinese edition of a note, rendered by the page as `rendered` is. */
export const storedPaperZhSchema = z.object({
  title: z.string(),
  summary: z.string(),
  introduces: z.array(z.string()),
  /** The Chinese markdown body and its layout (blocks at its own lines, its own headings). */
  body: z.string(),
  layout: noteLayoutSchema,
  /** English heading anchor → Chinese heading anchor at the same position. */
  anchors: z.record(z.string(), z.string()),
});
export type StoredPaperZh = z.infer<typeof storedPaperZhSchema>;

/** Card.zh: the card's sides in Chinese; `anchor` and `source.anchor` are Chinese heading anchors. */
export const storedCardZhSchema = z.object({
  front: z.string(),
  back: z.string(),
  anchor: z.string().nullable(),
  source: itemSourceSchema.nullable(),
});
export type StoredCardZh = z.infer<typeof storedCardZhSchema>;

/**
 * QuizQuestion.zh: the question in Chinese. `payload` holds the Chinese choices (same order as the
 * English ones) or items (shuffled as the English ones). Never an answer: a short answer's Chinese
 * answers are in `QuizQuestion.answer.zh`, read only by scoring.
 */
export const storedQuestionZhSchema = z.object({
  prompt: z.string(),
  payload: quizPayloadSchema,
  explanation: z.string(),
  anchor: z.string().nullable(),
  source: itemSourceSchema.nullable(),
});
export type StoredQuestionZh = z.infer<typeof storedQuestionZhSchema>;
