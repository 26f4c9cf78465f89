import "#server-only";
import { getTranslations } from "next-intl/server";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { OwnNoteEditedElsewhereError, OwnNoteLimitError, OwnNoteNotFoundError, OwnNoteNotRestorableError } from "./data/own-note-errors";
import { AppError, ConflictError, NotFoundError, TooManyRequestsError } from "./errors";

/** The per-minute save limit, in the writer's language (`keptLocally`: the editor keeps the text). */
export async function tooManySaves(wait: number, keptLocally: boolean): Promise<TooManyRequestsError> {
  const t = await getTranslations("ownNoteErrors");
  return new TooManyRequestsError(keptLocally ? t("tooManySavesKept", { seconds: wait }) : t("tooManySaves", { seconds: wait }), wait);
}

/** `error` said in the writer's language when it is one of the own-note errors; else as it was. */
export async function localizeOwnNoteError(error: unknown): Promise<unknown> {
  if (!(error instanceof AppError)) return error;
  const t = await getTranslations("ownNoteErrors");
  if (error instanceof OwnNoteNotFoundError) return new NotFoundError(t("notFound"));
  if (error instanceof OwnNoteNotRestorableError) return new NotFoundError(t("notRestorable", { days: OWN_NOTE_LIMITS.restoreDays }));
  if (error instanceof OwnNoteLimitError) return new ConflictError(t(error.restoring ? "limitRestore" : "limit", { count: error.count }));
  if (error instanceof OwnNoteEditedElsewhereError) return new ConflictError(t("editedElsewhere"));
  return error;
}

/** Runs an own-note step and rethrows its errors translated (see localizeOwnNoteError). */
export async function withOwnNoteMessages<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw await localizeOwnNoteError(error);
  }
}
