import { describe, expect, it } from "vitest";
import {
  answerSavedSchema,
  apkgImportSchema,
  cardControlResultSchema,
  importSummarySchema,
  type JsonOf,
  optimizerStatusSchema,
  reviewLogImportSchema,
  reviewQueueSchema,
  undoneSchema,
} from "@/app/lib/schemas/api-responses";
import type { ApkgImportResult } from "@/app/lib/server/data/user-data-apkg";
import type { CardControlResult } from "@/app/lib/server/data/card-controls";
import type { AnswerResult, UndoResult } from "@/app/lib/server/data/review";
import type { ImportResult } from "@/app/lib/server/data/review-csv";
import type { ReviewQueue } from "@/app/lib/server/data/review-queue";
import type { StudySetAddition } from "@/app/lib/server/data/study-set";
import type { ImportSummary } from "@/app/lib/server/data/user-data";
import type { OptimizerStatus } from "@/app/lib/server/optimizer";
import {
  readErrorMessage,
  readMe,
  readNoteUserStatus,
  readStudySetChange,
  type MeResponse,
  type NoteUserStatus,
  type StudySetChange,
} from "@/app/lib/schemas/shell-responses";
import type { getNoteStatusForUser } from "@/app/lib/server/data/note-status";
import { readJson } from "@/app/ui/read-json";
import type * as z from "zod/mini";

/**
 * The server's types, as JSON, must be what the browser's schemas accept: each line fails
 * `tsc` (npm run typecheck) when a route's data type and the schema its client parses with
 * drift apart (a field renamed, made nullable, a date sent as a number…).
 */
type Accepts<S extends z.ZodMiniType, T> = JsonOf<T> extends z.infer<S> ? true : never;
/** The same for the note page's hand-written guards (shell-responses.ts): the type each returns. */
type Reads<R, T> = JsonOf<T> extends R ? true : never;
type NoteStatus = NonNullable<Awaited<ReturnType<typeof getNoteStatusForUser>>>;
const shapesAgree: true[] = [
  true satisfies Accepts<typeof reviewQueueSchema, ReviewQueue>,
  true satisfies Accepts<typeof answerSavedSchema, AnswerResult>,
  true satisfies Accepts<typeof undoneSchema, UndoResult>,
  true satisfies Accepts<typeof undoneSchema, { cardId: string | null; version: number; cards: CardControlResult["cards"] }>,
  true satisfies Accepts<typeof cardControlResultSchema, CardControlResult>,
  true satisfies Accepts<typeof optimizerStatusSchema, OptimizerStatus>,
  true satisfies Accepts<typeof importSummarySchema, ImportSummary>,
  true satisfies Accepts<typeof reviewLogImportSchema, ImportResult>,
  true satisfies Accepts<typeof apkgImportSchema, ApkgImportResult>,
  true satisfies Reads<StudySetChange, { paperSlug: string; inStudySet: true } & StudySetAddition>,
  true satisfies Reads<StudySetChange, { paperSlug: string; inStudySet: false }>,
  true satisfies Reads<NoteUserStatus, { signedIn: true } & NoteStatus>,
  true satisfies Reads<NoteUserStatus, { signedIn: false }>,
  true satisfies Reads<MeResponse, { user: { name: string | null; email: string } | null }>,
];

const respond = (body: unknown, status = 200) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("the browser's reading of the server's answers", () => {
  it("has a compile-time check for every server type it reads", () => {
    expect(shapesAgree).toHaveLength(14);
  });

  it("reads a signed-in and a signed-out /api/me", async () => {
    expect(await readJson(respond({ user: { name: null, email: "a@example.test" } }), readMe)).toEqual({
      user: { name: null, email: "a@example.test" },
    });
    expect(await readJson(respond({ user: null }), readMe)).toEqual({ user: null });
  });

  it("gives null for a body of another shape, or no JSON at all, instead of fields that are not there", async () => {
    expect(await readJson(respond({ error: "Service unavailable" }, 503), readMe)).toBeNull();
    expect(await readJson(respond("<html>proxy error</html>", 502), readMe)).toBeNull();
    expect(await readJson(respond({ user: { email: 42 } }), readMe)).toBeNull();
    expect(await readJson(respond({ user: { email: "a@example.test" } }), readMe)).toBeNull();
    expect(await readJson(respond({ cardId: "c", version: "3", duplicate: false }), answerSavedSchema)).toBeNull();
  });

  it("tells a guest's note status from a reader's, and refuses a reader's without mastery", () => {
    expect(readNoteUserStatus({ signedIn: false })).toEqual({ signedIn: false });
    expect(readNoteUserStatus({ signedIn: true, inStudySet: true, mastery: 0.5 })).toEqual({ signedIn: true, inStudySet: true, mastery: 0.5 });
    expect(readNoteUserStatus({ signedIn: true, inStudySet: true })).toBeNull();
    expect(readNoteUserStatus({ signedIn: "yes" })).toBeNull();
  });

  it("reads a study-set change and its error answer, and refuses a change of another shape", () => {
    expect(readStudySetChange({ paperSlug: "moco", inStudySet: true, switched: true, studyAll: false, setSize: 1 })).toEqual({
      paperSlug: "moco",
      inStudySet: true,
      switched: true,
      studyAll: false,
      setSize: 1,
    });
    expect(readStudySetChange({ paperSlug: "moco", inStudySet: false })).toMatchObject({ paperSlug: "moco", inStudySet: false });
    expect(readStudySetChange({ paperSlug: "moco", inStudySet: true, setSize: "1" })).toBeNull();
    expect(readStudySetChange({ error: "No such note." })).toBeNull();
    expect(readErrorMessage({ error: "No such note." })).toBe("No such note.");
    expect(readErrorMessage({ message: "No such note." })).toBeNull();
  });

  it("reads a queue's dates as ISO text and keeps the four button labels a four-tuple", () => {
    const card = {
      cardId: "c1",
      version: 0,
      kind: "new",
      frontHtml: "<p>f</p>",
      backHtml: "<p>b</p>",
      paperSlug: "moco",
      paperTitle: "MoCo",
      anchor: "",
      noteHref: "/papers/moco",
      source: null,
      labels: ["1m", "10m", "1d", "4d"],
      days: [null, null, null, 4],
      instruction: null,
      aheadOfDue: null,
      flag: 0,
      typeable: null,
    };
    const queue = JSON.parse(
      JSON.stringify({ cards: [card], counts: { new: 1, learning: 0, review: 0 }, nextDue: null, nextDayStart: new Date(0), doneToday: 0, newWaiting: 0 }),
    ) as Record<string, unknown>;
    expect(reviewQueueSchema.parse(queue).nextDayStart).toBe("1970-01-01T00:00:00.000Z");
    expect(reviewQueueSchema.safeParse({ ...queue, cards: [{ ...card, labels: ["1m", "10m", "1d"] }] }).success).toBe(false);
    expect(reviewQueueSchema.safeParse({ ...queue, cards: [{ ...card, kind: "relearning" }] }).success).toBe(false);
    // The balanced days come with the labels, one per button.
    expect(reviewQueueSchema.safeParse({ ...queue, cards: [{ ...card, days: [null, 4] }] }).success).toBe(false);
  });

  it("reads each of the optimizer job's states and refuses an unknown one", () => {
    const base = { reviewCount: 10, minimumReviews: 400, parametersFitAt: null, enteredParameters: false };
    for (const job of [
      null,
      { state: "running", done: 1, total: 5, startedAt: "2026-01-01T00:00:00.000Z" },
      { state: "failed", error: "x", finishedAt: "2026-01-01T00:00:00.000Z" },
    ])
      expect(optimizerStatusSchema.safeParse({ ...base, job }).success).toBe(true);
    expect(optimizerStatusSchema.safeParse({ ...base, job: { state: "queued" } }).success).toBe(false);
  });
});
