import type { Messages } from "@/app/i18n/messages";

/**
 * The message namespaces the note pages' client components use (the header's account corner,
 * menus and switches: "shell"; the reader's panel and revealed answers: "note"; the study-set
 * button: "library", and its notice: "studySetNotice"; an inline question's type:
 * "questionType"; a widget's slot: "widgetSlot"; the reader's own cards on a passage:
 * "passageCards"). Only these are sent to the browser with a note page; a client component
 * added to the page with another namespace must add it here (tests/e2e/typed-edges.test.ts
 * fails on a missing message).
 */
export const NOTE_PAGE_CLIENT_MESSAGES = ["shell", "note", "library", "studySetNotice", "questionType", "widgetSlot", "passageCards"] as const satisfies readonly (keyof Messages)[];
