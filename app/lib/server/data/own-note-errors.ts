import "#server-only";
import { ConflictError, NotFoundError } from "../errors";

/**
 * The own-note errors a writer sees in the editor and on /notes, each typed so the action can
 * say it in the writer's language (own-note-messages.ts; the data layer has no request and no
 * locale). The English
 * message stays for logs and for callers that do not translate (the import route).
 */
export class OwnNoteNotFoundError extends NotFoundError {
  override name = "OwnNoteNotFoundError";
  constructor() {
    super("There is no such note.");
  }
}

export class OwnNoteNotRestorableError extends NotFoundError {
  override name = "OwnNoteNotRestorableError";
  constructor() {
    super("There is no deleted note to restore here (notes can be restored for 30 days).");
  }
}

/** The account holds the most notes it may keep (`restoring`: the refused step was a restore). */
export class OwnNoteLimitError extends ConflictError {
  override name = "OwnNoteLimitError";
  constructor(
    readonly count: number,
    readonly restoring = false,
  ) {
    super(
      restoring
        ? `You have ${count} notes, the most one account may keep. Delete one to restore this one.`
        : `You have ${count} notes, the most one account may keep. Delete a note you no longer need to write a new one.`,
    );
  }
}

/** Another tab saved the note since this editor loaded it. */
export class OwnNoteEditedElsewhereError extends ConflictError {
  override name = "OwnNoteEditedElsewhereError";
  constructor() {
    super("This note was saved elsewhere (another tab?) since you opened it. Reload to see that version; your text is kept in this browser.");
  }
}
