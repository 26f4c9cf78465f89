import { z } from "zod";
import { MAX_MAXIMUM_INTERVAL } from "@/app/lib/domain/scheduling/settings";
import { INT4_MAX, isStorableText, MAX_INSTANT_MS, MIN_INSTANT_MS, storableText } from "./settings";

/** An id the browser makes for each answer (crypto.randomUUID()); a resent answer reuses it. */
export const clientIdSchema = z
  .string()
  .min(8, "clientId is too short")
  .max(64, "clientId is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "clientId may hold letters, digits, - and _");

/** POST /api/review/answer */
export const answerSchema = z.object({
  clientId: clientIdSchema,
  cardId: storableText(64, 1),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** The card state's version the answer was given to (0 for a card never studied); an int4 column. */
  version: z.int().min(0).max(INT4_MAX),
  /** When the answer was given (ms since epoch): an answer saved later keeps its time. */
  answeredAt: z.int().min(MIN_INSTANT_MS).max(MAX_INSTANT_MS),
  durationMs: z.int().min(0).max(3_600_000).default(0),
  /**
   * The days until the next review that this answer's button showed when the load balancer or
   * easy days chose them (the queue card's `days`): kept when inside the answer's fuzz range,
   * so the stored due date is the one the label promised. Absent: the server picks.
   */
  days: z.int().min(1).max(MAX_MAXIMUM_INTERVAL).optional(),
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** POST /api/review/undo */
export const undoSchema = z.object({ clientId: clientIdSchema });
export type UndoInput = z.infer<typeof undoSchema>;

/** GET /api/review/queue?paper=&area=&limit= */
export const queueQuerySchema = z.object({
  paper: z.string().min(1).max(120).optional(),
  area: z.string().min(1).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** A custom study session: "ahead" (due in the next days) or "forgotten" (answered Again today). */
  custom: z.enum(["ahead", "forgotten"]).optional(),
  /** When the custom session began (ms): a card answered since leaves it. */
  since: z.coerce.number().int().min(MIN_INSTANT_MS).max(MAX_INSTANT_MS).optional(),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const NOTE_SLUG_MESSAGE = "A note's slug is 1 to 120 characters.";

/** The `[slug]` of /api/me/notes/[slug] and /api/me/study-set/[slug]: a string PostgreSQL can compare. */
export const noteSlugParamsSchema = z.object({
  slug: z.string().min(1, NOTE_SLUG_MESSAGE).max(120, NOTE_SLUG_MESSAGE).refine(isStorableText, "A note's slug has no such characters."),
});

/** One line of the optimizer's CSV (review_time in ms since epoch, review_duration in ms). */
export const csvRowSchema = z.object({
  card_id: storableText(64, 1),
  review_time: z.coerce
    .number()
    .int()
    .min(MIN_INSTANT_MS, "must be a time from 1970 on (ms since epoch)")
    .max(MAX_INSTANT_MS, "must be a time before 2200 (ms since epoch)"),
  review_rating: z.coerce.number().int().min(1).max(4),
  review_state: z.coerce.number().int().min(0).max(3),
  review_duration: z.coerce.number().int().min(0).max(86_400_000),
});
export type CsvRow = z.infer<typeof csvRowSchema>;
export const CSV_COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;

export interface ImportError {
  line: number;
  message: string;
}

export class CsvHeaderError extends Error {
  override name = "CsvHeaderError";
}

/** Where each of CSV_COLUMNS is among the header's cells; throws CsvHeaderError when one is missing. */
export function csvColumnIndex(headerCells: readonly string[]): number[] {
  const header = headerCells.map((h) => h.trim().toLowerCase());
  const index = CSV_COLUMNS.map((column) => header.indexOf(column));
  if (index.some((i) => i === -1)) {
    throw new CsvHeaderError(
      `This is not a review log. Choose the .csv file that "Export as CSV" (Settings, Your review log) downloads (paperdeck-revlog-<date>.csv), or one whose first line names the columns ${CSV_COLUMNS.join(", ")}.`,
    );
  }
  return index;
}

/** One record's row, or every problem of it in one message. */
export function parseReviewCsvRecord(
  cells: readonly string[],
  index: readonly number[],
): { ok: true; row: CsvRow } | { ok: false; message: string } {
  const record = Object.fromEntries(CSV_COLUMNS.map((column, k) => [column, cells[index[k] ?? -1] ?? ""]));
  const parsed = csvRowSchema.safeParse(record);
  if (parsed.success) return { ok: true, row: parsed.data };
  return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
}
