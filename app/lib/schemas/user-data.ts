import { z } from "zod";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { DAILY_GOAL_KINDS } from "@/app/lib/domain/stats/daily-goal";
import {
  cardStateFieldsShape,
  checkMemory,
  checkPrevious,
  instant,
  int4,
  leechThresholdSchema,
  MAX_DAILY_GOAL,
  reviewLogFieldsShape,
  storableJson,
  storableText,
  storedSettingsSchema,
} from "./settings";

/**
 * The file "export everything" writes and "import" reads: one user's settings, study set,
 * card states, review log and quiz attempts. Cards and questions are named by their note's
 * slug and their key (ids differ between instances); review logs keep their clientId and quiz
 * attempts their id, so importing the same file twice adds nothing.
 */

export const USER_DATA_FORMAT = "paperdeck-user-data";
export const USER_DATA_VERSION = 1;

const count = int4();
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const slug = storableText(200, 1);
const key = storableText(200, 1);

/**
 * Settings as stored: the same schema the settings form and the scheduler use, with the leech
 * rule and the daily goal (absent in files written before they existed: their defaults).
 */
export const exportedSettingsSchema = storedSettingsSchema.extend({
  leechThreshold: leechThresholdSchema.default(8),
  leechSuspend: z.boolean().default(true),
  dailyGoalKind: z.enum(DAILY_GOAL_KINDS, { error: `must be one of ${DAILY_GOAL_KINDS.join(", ")}` }).default("none"),
  dailyGoal: z.number().int("must be a whole number").min(0, "must be 0 or more").max(MAX_DAILY_GOAL, `must be at most ${MAX_DAILY_GOAL}`).default(0),
});

/**
 * A card's controls (Anki's): suspended, buried until an instant, a flag (0 none, 1 red,
 * 2 orange, 3 green, 4 blue), tagged a leech. Absent in older files: none of them.
 */
export const cardControlFieldsShape = {
  suspended: z.boolean().default(false),
  buriedUntil: instant.nullable().default(null),
  flag: z.number().int("must be a whole number").min(0, "must be 0 (none) to 4 (blue)").max(4, "must be 0 (none) to 4 (blue)").default(0),
  leech: z.boolean().default(false),
};

export const exportedCardStateSchema = z
  .object({ note: slug, card: key, ...cardStateFieldsShape, ...cardControlFieldsShape })
  .superRefine(checkMemory);

export const exportedReviewLogSchema = z
  .object({ clientId: storableText(200, 1), note: slug, card: key, ...reviewLogFieldsShape })
  .superRefine(checkPrevious);

export const exportedQuizAnswerSchema = z.object({
  note: slug,
  question: key,
  response: storableJson,
  score: finite,
  correct: z.boolean(),
  timeMs: count,
  answeredAt: instant,
});

export const exportedQuizAttemptSchema = z.object({
  id: storableText(200, 1),
  scope: storableJson,
  title: storableText(500),
  seed: storableText(200),
  mode: storableText(20),
  questions: z.array(z.object({ note: slug, question: key })).max(500),
  score: finite.nullable(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  parentId: storableText(200).nullable(),
  answers: z.array(exportedQuizAnswerSchema).max(500),
});

/**
 * One of the user's own notes (issue 17): its slug (what the file's card states and review log
 * name it by) and its markdown as last saved. Optional in the file: exports made before own
 * notes existed import as they did.
 */
export const exportedOwnNoteSchema = z.object({
  note: slug,
  source: storableText(OWN_NOTE_LIMITS.maxBytes + 50 * 1024),
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
  ownNotes: z.array(exportedOwnNoteSchema).max(OWN_NOTE_LIMITS.maxNotes).optional(),
});

export type UserDataFile = z.infer<typeof userDataSchema>;

/** One line per problem: `cardStates[3].stability: must be at most 36500`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
      .join("");
    return `${path || "file"}: ${issue.message}`;
  });
}

/**
 * Validates a whole export: the file, or every problem in it (path and what is wrong).
 * Nothing of a file with a problem may be imported.
 */
export function parseUserData(json: unknown): { ok: true; data: UserDataFile } | { ok: false; errors: string[] } {
  const parsed = userDataSchema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: describeIssues(parsed.error) };
}
/** The file as JSON (dates as ISO text), which is what export writes. */
export type UserDataJson = z.input<typeof userDataSchema>;

/** The notes whose cards go into an Anki file: one or more slugs. */
export const ankiExportSchema = z.object({
  notes: z.array(slug).min(1, "Choose at least one note.").max(500),
});

/** Deleting the account: the user types their email to confirm. */
export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().min(1, "Type your email to confirm.").max(320),
  // Required for an account with a password (checked in the action): a session left open on a
  // shared computer must not be enough to delete everything.
  password: z.string().max(1024).optional(),
});
