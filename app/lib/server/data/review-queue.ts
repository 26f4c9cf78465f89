import "#server-only";
import {
  newCardState,
  orderQueue,
  remainingToday,
  siblingGroupOf,
  type BuryOptions,
  startOfDay,
  studyDayOf,
  addDays,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { cardStateRowSchema, storedStateOf } from "../sql/card-state";
import { newCardsBoundOf, raiseNewCardsBound } from "../sql/new-cards-bound";
import {
  candidateQueries,
  cardDetailQuery,
  contentStampQuery,
  doneTodayQuery,
  firstBuriedNewQuery,
  LEARN_AHEAD_MINUTES,
  newInScopeQuery,
  nextDueQuery,
  siblingCardsQuery,
  type DetailRow,
  type QueueScope,
  type StudiedRow,
} from "../sql/review-queue";
import { firstRowOf, rowsOf } from "../sql/typed-query";
import { answerPreviewer } from "./answer-preview";
import { kindOf, reviewCardOf, type Detail, type ReviewCard } from "./review-card";
import { getUserSettings, schedulerSettingsOf, type UserSettingsRow } from "./settings";
import { noteNewLeft } from "./note-new-allowance";

/**
 * Today's queue: which cards, in which order, with which counts. Its SQL (and the planner
 * tricks that keep it fast) is in sql/review-queue.ts; how a card is shown, in review-card.ts.
 */

export type { QueueScope } from "../sql/review-queue";
export type { Detail, ReviewCard } from "./review-card";

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface ReviewQueue {
  cards: ReviewCard[];
  counts: QueueCounts;
  /** When the next card comes due once these are done (null: nothing studied yet or left). */
  nextDue: Date | null;
  /** The start of the user's next study day (new cards and limits reset then). */
  nextDayStart: Date;
  /** Cards answered in reviews since the study day began (the finish screen's total). */
  doneToday: number;
  /** Today's new-card limit is used up while this many new cards of the scope wait (else 0). */
  newWaiting: number;
}

interface Candidate {
  cardId: string;
  /** Enough to order the queue; complete only in `detail` (read for the cards shown). */
  state: StoredCardState;
  detail?: Detail | undefined;
  /** Set when its siblings are buried (`siblingGroupOf`). */
  siblingGroup?: string | null;
}

/** Candidates read beyond a limit when siblings are buried, so buried ones leave room for others. */
const BURY_MARGIN = 20;

/**
 * The sibling groups of the candidates, and those of the cards answered since `dayStart`, in
 * one read (by primary key and the (userId, reviewedAt) index): only reverse and cloze cards
 * have siblings.
 */
async function siblingGroups(
  userId: string,
  cardIds: string[],
  dayStart: Date,
  options: BuryOptions,
): Promise<{ byCard: Map<string, string>; answered: Set<string> }> {
  const rows = await rowsOf(siblingCardsQuery(userId, cardIds, dayStart));
  const byCard = new Map<string, string>();
  const answered = new Set<string>();
  for (const row of rows) {
    const group = siblingGroupOf({ noteId: row.paperId, key: row.key, type: row.type, back: row.back }, options);
    if (!group) continue;
    if (row.answered) answered.add(group);
    else byCard.set(row.cardId, group);
  }
  return { byCard, answered };
}

const detailOf = (row: DetailRow): Detail => ({ version: row.version, state: storedStateOf(row), content: row });

/** The user's own state and the content of each of `cardIds` they have studied, by card id. */
export async function readCardDetails(userId: string, cardIds: string[]): Promise<Map<string, Detail>> {
  if (cardIds.length === 0) return new Map();
  const rows = await rowsOf(cardDetailQuery(userId, cardIds));
  return new Map(rows.map((row) => [row.cardId, detailOf(row)]));
}

/** The detail's columns are all NOT NULL, so the lateral join gives all of them or none. */
function hasDetail(row: StudiedRow): row is StudiedRow & DetailRow {
  return row.version !== null && row.front !== null;
}

async function loadCandidates(sql: ReturnType<typeof candidateQueries>, now: Date) {
  const [studied, fresh] = await Promise.all([rowsOf(sql.studied), sql.fresh ? rowsOf(sql.fresh) : Promise.resolve([])]);
  const toCandidate = (row: StudiedRow): Candidate => {
    if (hasDetail(row)) {
      const detail = detailOf(row);
      return { cardId: row.cardId, state: detail.state, detail };
    }
    // Ordering reads only the state's kind, due date, stability and last review.
    const state = storedStateOf({ ...row, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0 });
    return { cardId: row.cardId, state };
  };
  return {
    learning: studied.filter((row) => row.state !== 2).map(toCandidate),
    due: studied.filter((row) => row.state === 2).map(toCandidate),
    firstNewSortKey: fresh[0]?.sortKey,
    fresh: fresh.map((row): Candidate => {
      // A new card with a state (reset, undone or controlled) is rare: its few columns are parsed.
      const state = row.version === null ? newCardState(now) : storedStateOf(cardStateRowSchema.parse(row));
      return { cardId: row.cardId, state, detail: { version: row.version ?? 0, state, content: row } };
    }),
  };
}

/**
 * Reads the state and content of the candidates about to be shown that were read without them:
 * rarely any (only when the queue's order and the SQL's rank part, e.g. on equal t/S).
 */
async function withDetail(userId: string, shown: Candidate[]): Promise<(Candidate & { detail: Detail })[]> {
  const byId = await readCardDetails(userId, shown.filter((c) => !c.detail).map((c) => c.cardId));
  return shown.flatMap((c) => {
    const detail = c.detail ?? byId.get(c.cardId);
    // A card retired between the two reads is left out of this batch; the next one skips it.
    return detail ? [{ ...c, detail }] : [];
  });
}

/** The content's last change and the last note in order, for the new-card bound. */
async function contentStamp(userId: string): Promise<{ stamp: string; lastSortKey: number }> {
  const rows = await rowsOf(contentStampQuery(userId));
  return { stamp: rows[0]?.stamp?.toISOString() ?? "", lastSortKey: rows[0]?.last ?? 0 };
}

/** The instants and limits of the user's study day at `now`. */
export async function studyDayLimits(userId: string, settingsRow: UserSettingsRow, now: Date) {
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const dayStart = startOfDay(today, settingsRow.timeZone, settingsRow.dayStartHour);
  const nextDayStart = startOfDay(addDays(today, 1), settingsRow.timeZone, settingsRow.dayStartHour);
  const doneQuery = doneTodayQuery(userId, dayStart);
  const done = (await firstRowOf(doneQuery)) ?? {
    new: 0,
    review: 0,
    total: 0,
  };
  const limits = remainingToday({
    newLimit: settingsRow.newPerDay + (settingsRow.extraNewDay === today ? settingsRow.extraNew : 0),
    reviewLimit: settingsRow.reviewsPerDay,
    newDoneToday: done.new,
    reviewsDoneToday: done.review,
  });
  return { today, dayStart, nextDayStart, limits, doneToday: done.total, doneSql: doneQuery.sql };
}

/**
 * When the next card comes due after today's queue is done. A card already due but held back by
 * a daily limit comes with the next study day.
 */
export async function nextDueAfter(
  userId: string,
  settingsRow: UserSettingsRow,
  scope: QueueScope,
  now: Date,
  nextDayStart: Date,
): Promise<Date | null> {
  const due = await nextDueOf(userId, settingsRow, scope);
  if (!due) return null;
  return due.getTime() <= now.getTime() + LEARN_AHEAD_MINUTES * 60_000 ? nextDayStart : due;
}

async function nextDueOf(userId: string, settingsRow: UserSettingsRow, scope: QueueScope): Promise<Date | null> {
  return (await firstRowOf(nextDueQuery(userId, settingsRow, scope)))?.due ?? null;
}

/**
 * Today's queue for the user, in the order to show it ((re)learning due, then due reviews,
 * most likely forgotten first, then new cards in prerequisite order), with the first `limit`
 * cards ready to show and the counts left. "Today" and the daily limits follow the user's
 * study day (time zone and the hour a new day starts).
 */
export async function loadReviewQueue(
  userId: string,
  now: Date,
  options: { scope?: QueueScope; limit?: number; locale?: Locale } = {},
): Promise<ReviewQueue> {
  const locale = options.locale ?? "en";
  const scope = options.scope ?? {};
  const limit = options.limit ?? 20;
  const settingsRow = await getUserSettings(userId);
  const settings = schedulerSettingsOf(settingsRow);
  // The answer buttons show the balanced days, from the due counts loaded beside these reads.
  const previewer = answerPreviewer(userId, settingsRow, settings, now);
  const whole = !scope.paper && !scope.area;
  const [{ dayStart, nextDayStart, limits: remaining, doneToday }, content, noteLeft] = await Promise.all([
    studyDayLimits(userId, settingsRow, now),
    whole ? contentStamp(userId) : Promise.resolve(null),
    scope.paper ? noteNewLeft(userId, settingsRow, scope.paper, now) : Promise.resolve(0),
  ]);
  const { reviewsLeft } = remaining;
  // A note's session also has the note's own allowance ("study them anyway"), which raises
  // nothing for other notes.
  const newLeft = Math.max(remaining.newLeft, noteLeft);
  const newWaiting = newLeft === 0 ? countNewInScope(userId, settingsRow, scope, now) : Promise.resolve(0);
  // New cards come in the notes' order: skip the notes known to be fully studied, unless the
  // content changed since that was learnt.
  const newCardsFrom = content ? newCardsBoundOf(settingsRow, content.stamp) : 0;
  const bury: BuryOptions = { reverse: settingsRow.buryReverseSiblings, cloze: settingsRow.buryClozeSiblings };
  const burying = bury.reverse || bury.cloze;
  const margin = (n: number) => (burying && n > 0 ? n + BURY_MARGIN : n);
  const buriedNew = content && newLeft > 0 ? firstBuriedNewSortKey(userId) : Promise.resolve(Number.POSITIVE_INFINITY);
  // Both run beside the candidates' read and are awaited after it: when that read fails first
  // (the database away), their own failures must not go unobserved (the chaos suite logged
  // them as unhandled rejections). The awaits below still see them.
  newWaiting.catch(() => {});
  buriedNew.catch(() => {});
  const candidates = await loadCandidates(
    candidateQueries(userId, settingsRow, scope, now, nextDayStart, { newLeft: margin(newLeft), reviewsLeft: margin(reviewsLeft) }, {
      newCardsFrom,
      show: limit,
    }),
    now,
  );
  let answeredGroups: Set<string> | undefined;
  if (burying) {
    const all = [...candidates.learning, ...candidates.due, ...candidates.fresh];
    const groups = await siblingGroups(userId, all.map((c) => c.cardId), dayStart, bury);
    for (const candidate of all) candidate.siblingGroup = groups.byCard.get(candidate.cardId) ?? null;
    answeredGroups = groups.answered;
  }
  if (content && newLeft > 0) {
    // Not past a note whose new card is buried: it comes back when its bury ends.
    const first = Math.min(candidates.firstNewSortKey ?? content.lastSortKey + 1, await buriedNew);
    await raiseNewCardsBound(userId, settingsRow, first, content.stamp);
  }
  const limits = { newLeft, reviewsLeft, reviewsDueBefore: nextDayStart };
  const input = { ...candidates, answeredGroups };
  let ordered = orderQueue(input, now, settings, limits);
  if (ordered.length === 0) {
    ordered = orderQueue(input, now, settings, { ...limits, learnAheadMinutes: LEARN_AHEAD_MINUTES });
  }
  // The reads are limited by today's limits, so the queue's own counts are the counts left.
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const candidate of ordered) counts[kindOf(candidate.state.state)] += 1;
  return {
    cards: await withDetail(userId, ordered.slice(0, limit)).then(async (shown) => {
      const preview = await previewer;
      return shown.map((c) => reviewCardOf(c.cardId, c.detail, preview, now, locale));
    }),
    counts,
    nextDue: ordered.length === 0 ? await nextDueAfter(userId, settingsRow, scope, now, nextDayStart) : null,
    nextDayStart,
    doneToday,
    newWaiting: await newWaiting,
  };
}

/** The first note holding a buried new card (firstBuriedNewQuery), else +Infinity. */
async function firstBuriedNewSortKey(userId: string): Promise<number> {
  return (await firstRowOf(firstBuriedNewQuery(userId)))?.first ?? Number.POSITIVE_INFINITY;
}

/** New cards of the scope the user has not seen (asked only once today's new-card limit is used). */
async function countNewInScope(userId: string, settingsRow: UserSettingsRow, scope: QueueScope, now: Date): Promise<number> {
  return (await firstRowOf(newInScopeQuery(userId, settingsRow, scope, now)))?.n ?? 0;
}
