import * as z from "zod/mini";

/**
 * The JSON bodies our routes answer with, as client code reads them: the browser parses each
 * answer with the schema here instead of casting it, and the server's types are checked
 * against the same schemas (tests/unit/schemas/api-responses.types.test.ts at compile time,
 * tests/integration/api-responses.test.ts against real data), so a renamed field fails a test
 * instead of showing "undefined" on a page.
 *
 * `zod/mini`, not `zod`, as these reach the browser. Not on the note page, though: Turbopack
 * bundles zod's whole core (~23 KB gzipped) into any page importing one schema, so what every
 * note page reads (the header, the reader's panel) is checked by the guards of
 * shell-responses.ts. Objects ignore keys they do not name, so the server may add fields; dates
 * are ISO text, as JSON carries them.
 */

const count = z.number();
const isoDate = z.string();

/** POST /api/review/answer: the card's version after the answer (sent with the next one). */
export const answerSavedSchema = z.object({
  cardId: z.string(),
  version: count,
  duplicate: z.boolean(),
  leech: z.optional(z.boolean()),
});

/** POST /api/review/undo (`cards`: each card a control put back). */
export const undoneSchema = z.object({
  cardId: z.nullable(z.string()),
  version: count,
  cards: z.optional(z.array(z.object({ cardId: z.string(), version: count }))),
});

/** POST /api/cards/control: each changed card's new version. */
export const cardControlResultSchema = z.object({
  duplicate: z.boolean(),
  cards: z.array(z.object({ cardId: z.string(), version: count })),
});

const queueCountsSchema = z.object({ new: count, learning: count, review: count });
export type QueueCountsPayload = z.infer<typeof queueCountsSchema>;

const balancedDay = z.nullable(z.number());

/** One card of the review queue (ReviewCard in review-queue.ts, checked against this). */
export const reviewCardSchema = z.object({
  cardId: z.string(),
  version: count,
  kind: z.enum(["new", "learning", "review"]),
  frontHtml: z.string(),
  backHtml: z.string(),
  paperSlug: z.string(),
  paperTitle: z.string(),
  anchor: z.string(),
  noteHref: z.string(),
  source: z.nullable(z.object({ text: z.string(), href: z.string() })),
  labels: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  /** Each answer's balanced day, as its label shows it (null: the scheduler's own); sent back with the answer. */
  days: z.tuple([balancedDay, balancedDay, balancedDay, balancedDay]),
  instruction: z.nullable(z.string()),
  aheadOfDue: z.nullable(isoDate),
  flag: count,
  typeable: z.nullable(z.string()),
});

/** GET /api/review/queue (and the review page's first queue): dates as ISO text. */
export const reviewQueueSchema = z.object({
  cards: z.array(reviewCardSchema),
  counts: queueCountsSchema,
  nextDue: z.nullable(isoDate),
  nextDayStart: isoDate,
  /** Cards answered today before this page loaded. */
  doneToday: count,
  /** New cards of the scope held back by today's new-card limit (0 while it is not reached). */
  newWaiting: count,
});
export type ReviewQueuePayload = z.infer<typeof reviewQueueSchema>;

const fitMetricsSchema = z.object({ logLoss: z.number(), rmse: z.number() });

/** GET/POST /api/review/optimizer: the optimizer's state for the settings page. */
export const optimizerStatusSchema = z.object({
  reviewCount: count,
  minimumReviews: count,
  /** Null when the defaults are in use. */
  parametersFitAt: z.nullable(isoDate),
  /** Weights the user entered (not fitted here) are in use. */
  enteredParameters: z.boolean(),
  job: z.nullable(
    z.discriminatedUnion("state", [
      z.object({ state: z.literal("running"), done: count, total: count, startedAt: isoDate }),
      z.object({
        state: z.literal("done"),
        current: fitMetricsSchema,
        fitted: fitMetricsSchema,
        applied: z.boolean(),
        rescheduled: count,
        reviews: count,
        finishedAt: isoDate,
      }),
      z.object({ state: z.literal("failed"), error: z.string(), finishedAt: isoDate }),
    ]),
  ),
});
export type OptimizerStatusPayload = z.infer<typeof optimizerStatusSchema>;

const addedSchema = z.object({ added: count, alreadyThere: count });
const matchedSchema = z.object({ matched: count, unmatched: count });

/** POST /api/import: what a PaperDeck export added. */
export const importSummarySchema = z.object({
  settings: z.enum(["replaced", "unchanged", "none"]),
  weights: z.optional(z.string()),
  studySet: z.object({ added: count }),
  cardStates: z.object({ added: count, updated: count, unchanged: count }),
  reviewLogs: addedSchema,
  quizAttempts: addedSchema,
  skipped: z.object({ unknownCards: count, unknownNotes: count, unknownQuestions: count, attemptsOfAnotherAccount: count }),
});

/** A line of an imported file that was not taken, and why. */
const importErrorSchema = z.object({ line: count, message: z.string() });

/** POST /api/review/import: the review-log CSV's import. */
export const reviewLogImportSchema = z.object({
  added: count,
  alreadyThere: count,
  errors: z.array(importErrorSchema),
  rescheduled: count,
});

/** POST /api/import/apkg: an Anki package's review history. */
export const apkgImportSchema = z.object({
  notes: matchedSchema,
  cards: matchedSchema,
  reviews: z.object({ added: count, alreadyThere: count, skipped: count }),
  rescheduled: count,
});

/** POST /api/import's failure: the message, and for a file that is not an export, its problems. */
/** An error answer of our routes: English `error`, and the catalogue's code and arguments when it has them. */
const errorFields = { error: z.string(), code: z.optional(z.string()), args: z.optional(z.record(z.string(), z.string())) };
export const errorBodySchema = z.object(errorFields);
export const importFailureSchema = z.object({ ...errorFields, errors: z.optional(z.array(z.string())) });

/** POST /api/review/import's failure: the message, and for a CSV with bad lines, the lines. */
export const reviewLogImportFailureSchema = z.object({ ...errorFields, errors: z.optional(z.array(importErrorSchema)) });

/**
 * What `Response.json(value)` sends for a value of type T (dates become ISO text, undefined
 * members drop out of the JSON but stay optional here): the server's types, seen from the browser.
 */
export type JsonOf<T> = T extends Date ? string : T extends (...args: never[]) => unknown ? never : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;
