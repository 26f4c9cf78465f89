import "server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { renderMarkdown } from "@/app/lib/domain/content";
import {
  addDays,
  newCardState,
  orderQueue,
  previewOutcomes,
  remainingToday,
  startOfDay,
  studyDayOf,
  type CardStateName,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { db } from "../db";
import { storedStateOf, type CardStateRow } from "./review-rows";
import { getUserSettings, schedulerSettingsOf, type UserSettingsRow } from "./settings";

/** Narrows a session to one note (by slug) or one area; the study set always applies. */
export interface QueueScope {
  paper?: string | undefined;
  area?: string | undefined;
}

/** A card as the review page shows it. */
export interface ReviewCard {
  cardId: string;
  /** The state's version the answer must name (0 for a card never studied). */
  version: number;
  kind: "new" | "learning" | "review";
  frontHtml: string;
  backHtml: string;
  paperSlug: string;
  paperTitle: string;
  /** Heading id of the passage the card tests ("why?" link), "" for the top of the note. */
  anchor: string;
  /** What the four buttons show: again, hard, good, easy ("1m", "10m", "4d", "2.3mo"). */
  labels: [string, string, string, string];
}

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
}

/** Learning cards are shown up to 20 minutes early when nothing else is left (Anki's learn-ahead). */
const LEARN_AHEAD_MINUTES = 20;
/** At most this many (re)learning cards are read per queue; more is not a realistic day. */
const LEARNING_READ_LIMIT = 500;

interface CandidateRow extends CardStateRow {
  cardId: string;
  version: number;
  front: string;
  back: string;
  anchor: string;
  contentHash: string;
  slug: string;
  title: string;
  sortKey: number;
}

interface Candidate {
  state: StoredCardState;
  row: CandidateRow;
}

/** The SQL condition on `p` (Paper): live, in the study set, in the scope. */
function paperScopeSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."retiredAt" IS NULL`];
  if (!settings.studyAll) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StudySetPaper" sp WHERE sp."userId" = ${userId} AND sp."paperId" = p.id)`,
    );
  }
  if (scope.paper) parts.push(Prisma.sql`p.slug = ${scope.paper}`);
  if (scope.area) parts.push(Prisma.sql`p.area = ${scope.area}`);
  return Prisma.join(parts, " AND ");
}

/** The SQL condition on `c` (Card) and `p` (Paper): a live card of a note in scope. */
function scopeSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  return Prisma.sql`c."retiredAt" IS NULL AND ${paperScopeSql(userId, settings, scope)}`;
}

const CANDIDATE_COLUMNS = Prisma.sql`
  c.id AS "cardId", c.front, c.back, c.anchor, c."contentHash", p.slug, p.title, p."sortKey"`;
const STATE_COLUMNS = Prisma.sql`
  s.version, s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps",
  s.reps, s.lapses, s.state, s."lastReview"`;
/** Extra states read past a limit, so that a few retired or out-of-set cards do not shorten it. */
const OVERFETCH = 50;

/** Today's answers so far: new cards introduced and reviews done, for the daily limits. */
function doneTodaySql(userId: string, dayStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE state = 0)::int AS new, count(*) FILTER (WHERE state = 2)::int AS review
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND source = 'review'`;
}

/**
 * The best `limit` states of one kind with their cards. With `fast`, the states are picked in
 * the (userId, state, due) index first and only those are joined to their cards, which keeps
 * the read small however many states the user has; if cards left out as retired or outside
 * the set made the result short, `loadCandidates` asks again with `fast` off (the plain join).
 */
function stateCandidatesSql(
  userId: string,
  where: Prisma.Sql,
  stateWhere: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
  fast: boolean,
): Prisma.Sql {
  if (!fast) {
    return Prisma.sql`
      SELECT ${CANDIDATE_COLUMNS}, ${STATE_COLUMNS}, 0 AS "picked"
        FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
       WHERE s."userId" = ${userId} AND ${stateWhere} AND ${where}
       ORDER BY ${order} LIMIT ${limit}`;
  }
  // Pick the states first (one indexed range of this user's states), then read only those.
  return Prisma.sql`
    WITH picked AS (
      SELECT s."cardId" FROM "CardState" s
       WHERE s."userId" = ${userId} AND ${stateWhere} ORDER BY ${order} LIMIT ${limit + OVERFETCH}
    )
    SELECT ${CANDIDATE_COLUMNS}, ${STATE_COLUMNS}, (SELECT count(*) FROM picked)::int AS "picked"
      FROM picked
      JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = picked."cardId"
      JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE ${where}
     ORDER BY ${order} LIMIT ${limit}`;
}

/**
 * The candidates of today's queue in small indexed reads: (re)learning cards due soon, the
 * review cards due today that are most likely forgotten (t/S largest, which orders them as
 * retrievability does) up to the review limit, and the first new cards in the notes' order up
 * to the new-card limit, looking from note `newCardsFrom` on. `orderQueue` then puts them in
 * the exact order. Exported for the benchmark, which runs them under EXPLAIN ANALYZE.
 */
export function candidateSql(
  userId: string,
  settingsRow: UserSettingsRow,
  scope: QueueScope,
  now: Date,
  nextDayStart: Date,
  limits: { newLeft: number; reviewsLeft: number },
  options: { fast?: boolean; newCardsFrom?: number } = {},
) {
  const where = scopeSql(userId, settingsRow, scope);
  const fast = options.fast ?? true;
  const learnUntil = new Date(now.getTime() + LEARN_AHEAD_MINUTES * 60_000);
  return {
    learning: stateCandidatesSql(
      userId,
      where,
      Prisma.sql`s.state IN (1, 3) AND s.due <= ${learnUntil}`,
      Prisma.sql`s.due, s."cardId"`,
      LEARNING_READ_LIMIT,
      fast,
    ),
    due:
      limits.reviewsLeft > 0
        ? stateCandidatesSql(
            userId,
            where,
            Prisma.sql`s.state = 2 AND s.due < ${nextDayStart}`,
            Prisma.sql`(${now}::timestamp - COALESCE(s."lastReview", s.due)) / GREATEST(s.stability, 0.001) DESC, s.due, s."cardId"`,
            limits.reviewsLeft,
            fast,
          )
        : null,
    // Note by note in order (each note's cards by its index), stopping at the limit: with the
    // bound, only the notes from the first one holding new cards are read.
    fresh:
      limits.newLeft > 0
        ? Prisma.sql`
      SELECT c.id AS "cardId", c.front, c.back, c.anchor, c."contentHash", p.slug, p.title, p."sortKey",
             c.version, c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays", c."learningSteps",
             c.reps, c.lapses, c.state, c."lastReview"
        FROM (SELECT p.id, p.slug, p.title, p."sortKey" FROM "Paper" p
               WHERE p."sortKey" >= ${options.newCardsFrom ?? 0} AND ${paperScopeSql(userId, settingsRow, scope)}
               ORDER BY p."sortKey", p.id) p
        CROSS JOIN LATERAL (
          SELECT c.id, c.front, c.back, c.anchor, c."contentHash", c.position, ${STATE_COLUMNS}
            FROM "Card" c LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
           WHERE c."paperId" = p.id AND c."retiredAt" IS NULL AND (s."cardId" IS NULL OR s.state = 0)
           ORDER BY c.position, c.id) c
       LIMIT ${limits.newLeft}`
        : null,
  };
}

type PickedRow = CandidateRow & { picked: number };

/** True when a fast read may have lost candidates to the filter (see `stateCandidatesSql`). */
function maybeShort(rows: PickedRow[], limit: number): boolean {
  return rows.length < limit && (rows.length === 0 || (rows[0]?.picked ?? 0) >= limit + OVERFETCH);
}

async function loadCandidates(
  build: (options: { fast: boolean }) => ReturnType<typeof candidateSql>,
  now: Date,
  limits: { reviewsLeft: number },
) {
  const sql = build({ fast: true });
  let [learning, due] = await Promise.all([
    db.$queryRaw<PickedRow[]>(sql.learning),
    sql.due ? db.$queryRaw<PickedRow[]>(sql.due) : Promise.resolve([]),
  ]);
  const fresh = sql.fresh ? await db.$queryRaw<(CandidateRow & { version: number | null })[]>(sql.fresh) : [];
  const learningShort = maybeShort(learning, LEARNING_READ_LIMIT);
  const dueShort = sql.due !== null && maybeShort(due, limits.reviewsLeft);
  if (learningShort || dueShort) {
    const full = build({ fast: false });
    if (learningShort) learning = await db.$queryRaw<PickedRow[]>(full.learning);
    if (dueShort && full.due) due = await db.$queryRaw<PickedRow[]>(full.due);
  }
  const toCandidate = (row: CandidateRow): Candidate => ({ state: storedStateOf(row), row });
  return {
    learning: learning.map(toCandidate),
    due: due.map(toCandidate),
    fresh: fresh.map((row) =>
      row.version === null ? { state: newCardState(now), row: { ...row, version: 0 } } : toCandidate(row),
    ),
  };
}

export const contentStampSql = Prisma.sql`SELECT max("updatedAt") AS stamp, max("sortKey") AS last FROM "Paper"`;

/** The content's last change and the last note in order, for the new-card bound. */
async function contentStamp(): Promise<{ stamp: string; lastSortKey: number }> {
  const rows = await db.$queryRaw<{ stamp: Date | null; last: number | null }[]>(contentStampSql);
  return { stamp: rows[0]?.stamp?.toISOString() ?? "", lastSortKey: rows[0]?.last ?? 0 };
}

/** The instants and limits of the user's study day at `now`. */
export async function studyDayLimits(userId: string, settingsRow: UserSettingsRow, now: Date) {
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const dayStart = startOfDay(today, settingsRow.timeZone, settingsRow.dayStartHour);
  const nextDayStart = startOfDay(addDays(today, 1), settingsRow.timeZone, settingsRow.dayStartHour);
  const done = (await db.$queryRaw<{ new: number; review: number }[]>(doneTodaySql(userId, dayStart)))[0] ?? {
    new: 0,
    review: 0,
  };
  const limits = remainingToday({
    newLimit: settingsRow.newPerDay,
    reviewLimit: settingsRow.reviewsPerDay,
    newDoneToday: done.new,
    reviewsDoneToday: done.review,
  });
  return { dayStart, nextDayStart, limits, doneSql: doneTodaySql(userId, dayStart) };
}

const htmlCache = new Map<string, { front: string; back: string }>();
const HTML_CACHE_LIMIT = 5000;

/** Card sides rendered once per content version (rendering markdown costs a millisecond or so). */
function renderedSides(row: CandidateRow): { front: string; back: string } {
  const key = `${row.cardId}:${row.contentHash}`;
  let sides = htmlCache.get(key);
  if (!sides) {
    sides = { front: renderMarkdown(row.front), back: renderMarkdown(row.back) };
    if (htmlCache.size >= HTML_CACHE_LIMIT) htmlCache.clear();
    htmlCache.set(key, sides);
  }
  return sides;
}

function kindOf(state: CardStateName): ReviewCard["kind"] {
  if (state === "new") return "new";
  return state === "review" ? "review" : "learning";
}

function toReviewCard(candidate: Candidate, settings: SchedulerSettings, now: Date): ReviewCard {
  const { row, state } = candidate;
  const sides = renderedSides(row);
  const [again, hard, good, easy] = previewOutcomes(state, settings, now);
  return {
    cardId: row.cardId,
    version: row.version,
    kind: kindOf(state.state),
    frontHtml: sides.front,
    backHtml: sides.back,
    paperSlug: row.slug,
    paperTitle: row.title,
    anchor: row.anchor,
    labels: [again.label, hard.label, good.label, easy.label],
  };
}

/**
 * When the next card comes due after today's queue is done. A card already due but held back by
 * a daily limit comes with the next study day.
 */
async function nextDueAfter(
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
  const rows = await db.$queryRaw<{ due: Date | null }[]>`
    SELECT min(s.due) AS due
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND ${scopeSql(userId, settingsRow, scope)}`;
  return rows[0]?.due ?? null;
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
  options: { scope?: QueueScope; limit?: number } = {},
): Promise<ReviewQueue> {
  const scope = options.scope ?? {};
  const limit = options.limit ?? 20;
  const settingsRow = await getUserSettings(userId);
  const settings = schedulerSettingsOf(settingsRow);
  const whole = !scope.paper && !scope.area;
  const [{ nextDayStart, limits: remaining }, content] = await Promise.all([
    studyDayLimits(userId, settingsRow, now),
    whole ? contentStamp() : Promise.resolve(null),
  ]);
  const { newLeft, reviewsLeft } = remaining;
  // New cards come in the notes' order: skip the notes known to be fully studied, unless the
  // content changed since that was learnt.
  const newCardsFrom = content && content.stamp === settingsRow.newCardsFromStamp ? settingsRow.newCardsFrom : 0;
  const candidates = await loadCandidates(
    ({ fast }) =>
      candidateSql(userId, settingsRow, scope, now, nextDayStart, remaining, { fast: fast && whole, newCardsFrom }),
    now,
    remaining,
  );
  if (content && newLeft > 0) {
    const first = candidates.fresh[0]?.row.sortKey ?? content.lastSortKey + 1;
    if (first !== settingsRow.newCardsFrom || content.stamp !== settingsRow.newCardsFromStamp) {
      // Only if nobody lowered it meanwhile (an undo or a note added while this queue was read).
      await db.userSettings.updateMany({
        where: { userId, newCardsFrom: settingsRow.newCardsFrom, newCardsFromStamp: settingsRow.newCardsFromStamp },
        data: { newCardsFrom: first, newCardsFromStamp: content.stamp },
      });
    }
  }
  const limits = { newLeft, reviewsLeft, reviewsDueBefore: nextDayStart };
  let ordered = orderQueue(candidates, now, settings, limits);
  if (ordered.length === 0) {
    ordered = orderQueue(candidates, now, settings, { ...limits, learnAheadMinutes: LEARN_AHEAD_MINUTES });
  }
  // The reads are limited by today's limits, so the queue's own counts are the counts left.
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const candidate of ordered) counts[kindOf(candidate.state.state)] += 1;
  return {
    cards: ordered.slice(0, limit).map((candidate) => toReviewCard(candidate, settings, now)),
    counts,
    nextDue: ordered.length === 0 ? await nextDueAfter(userId, settingsRow, scope, now, nextDayStart) : null,
    nextDayStart,
  };
}
