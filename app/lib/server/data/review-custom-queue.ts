import "#server-only";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { addDays, startOfDay } from "@/app/lib/domain/scheduling";
import { customCandidatesQuery } from "../sql/review-queue";
import { rowsOf } from "../sql/typed-query";
import { reviewCardOf } from "./review-card";
import { answerPreviewer } from "./answer-preview";
import {
  nextDueAfter,
  readCardDetails,
  studyDayLimits,
  type QueueCounts,
  type QueueScope,
  type ReviewQueue,
} from "./review-queue";
import { getUserSettings, schedulerSettingsOf } from "./settings";

/**
 * Anki's custom study sessions: "study ahead" (cards due in the next days, reviewed early) and
 * "review forgotten today" (cards answered Again today). Neither changes a daily limit.
 */
export type CustomStudy = "ahead" | "forgotten";

/** "Study ahead" looks this many study days past today. */
export const STUDY_AHEAD_DAYS = 7;
/** At most this many cards in one custom session. */
const CUSTOM_LIMIT = 500;

/**
 * A custom session's queue: its cards in due order, each once (a card answered since the
 * session began, `since`, leaves it), never suspended or buried ones, in the study set and
 * the scope as any queue. `since` is the server's clock when the page opened, so "answered
 * since" reads the server's time of the answer (the log's `createdAt`), never the browser's
 * `lastReview`: a browser clock days behind would otherwise bring an answered card back.
 */
export async function loadCustomQueue(
  userId: string,
  now: Date,
  kind: CustomStudy,
  since: Date,
  options: { scope?: QueueScope; limit?: number; locale?: Locale } = {},
): Promise<ReviewQueue> {
  const scope = options.scope ?? {};
  const settingsRow = await getUserSettings(userId);
  const settings = schedulerSettingsOf(settingsRow);
  const previewer = answerPreviewer(userId, settingsRow, settings, now);
  const { today, dayStart, nextDayStart, doneToday } = await studyDayLimits(userId, settingsRow, now);
  const aheadEnd = startOfDay(addDays(today, STUDY_AHEAD_DAYS + 1), settingsRow.timeZone, settingsRow.dayStartHour);
  const window = { dayStart, nextDayStart, aheadEnd, since, now };
  const rows = await rowsOf(customCandidatesQuery(userId, settingsRow.studyAll, scope, kind, window, CUSTOM_LIMIT));
  const ids = rows.map((r) => r.cardId);
  const shown = ids.slice(0, options.limit ?? 20);
  const details = await readCardDetails(userId, shown);
  const preview = await previewer;
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const row of rows) counts[row.state === 2 ? "review" : "learning"] += 1;
  return {
    cards: shown.flatMap((cardId) => {
      const detail = details.get(cardId);
      return detail ? [reviewCardOf(cardId, detail, preview, now, options.locale ?? "en")] : [];
    }),
    counts,
    nextDue: ids.length === 0 ? await nextDueAfter(userId, settingsRow, scope, now, nextDayStart) : null,
    nextDayStart,
    doneToday,
    newWaiting: 0,
  };
}
