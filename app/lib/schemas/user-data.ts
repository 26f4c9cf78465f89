import { z } from "zod";

/**
 * The file "export everything" writes and "import" reads: one user's settings, study set,
 * card states, review log and quiz attempts. Cards and questions are named by their note's
 * slug and their key (ids differ between instances); review logs keep their clientId and quiz
 * attempts their id, so importing the same file twice adds nothing.
 */

export const USER_DATA_FORMAT = "paperdeck-user-data";
export const USER_DATA_VERSION = 1;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const count = z.number().int().min(0);
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const slug = z.string().min(1).max(200);
const key = z.string().min(1).max(200);

export const exportedSettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.99),
  maximumInterval: z.number().int().min(1).max(36500),
  enableFuzz: z.boolean(),
  learningSteps: z.array(z.string().max(20)).max(10),
  relearningSteps: z.array(z.string().max(20)).max(10),
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  timeZone: z.string().min(1).max(100).refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "is not an IANA time zone"),
  dayStartHour: z.number().int().min(0).max(23),
  studyAll: z.boolean(),
  parameters: z.array(finite).max(64),
  parametersFitAt: instant.nullable(),
});

export const exportedCardStateSchema = z.object({
  note: slug,
  card: key,
  due: instant,
  stability: finite,
  difficulty: finite,
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.number().int().min(0).max(3),
  lastReview: instant.nullable(),
});

export const exportedReviewLogSchema = z.object({
  clientId: z.string().min(1).max(200),
  note: slug,
  card: key,
  rating: z.number().int().min(1).max(4),
  state: z.number().int().min(0).max(3),
  due: instant,
  stability: finite,
  difficulty: finite,
  elapsedDays: count,
  lastElapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reviewedAt: instant,
  durationMs: count,
  previous: z.json(),
  source: z.string().min(1).max(40),
});

export const exportedQuizAnswerSchema = z.object({
  note: slug,
  question: key,
  response: z.json(),
  score: finite,
  correct: z.boolean(),
  timeMs: count,
  answeredAt: instant,
});

export const exportedQuizAttemptSchema = z.object({
  id: z.string().min(1).max(200),
  scope: z.json(),
  title: z.string().max(500),
  seed: z.string().max(200),
  mode: z.string().max(20),
  questions: z.array(z.object({ note: slug, question: key })).max(500),
  score: finite.nullable(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  parentId: z.string().max(200).nullable(),
  answers: z.array(exportedQuizAnswerSchema).max(500),
});

export const userDataSchema = z.object({
  format: z.literal(USER_DATA_FORMAT),
  version: z.literal(USER_DATA_VERSION),
  exportedAt: instant,
  settings: exportedSettingsSchema.nullable(),
  studySet: z.array(z.object({ note: slug, addedAt: instant })),
  cardStates: z.array(exportedCardStateSchema),
  reviewLogs: z.array(exportedReviewLogSchema),
  quizAttempts: z.array(exportedQuizAttemptSchema),
});

export type UserDataFile = z.infer<typeof userDataSchema>;
/** The file as JSON (dates as ISO text), which is what export writes. */
export type UserDataJson = z.input<typeof userDataSchema>;

/** The notes whose cards go into an Anki file: one or more slugs. */
export const ankiExportSchema = z.object({
  notes: z.array(slug).min(1, "Choose at least one note.").max(500),
});

/** Deleting the account: the user types their email to confirm. */
export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().min(1, "Type your email to confirm.").max(320),
});
