import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { renderMarkdown } from "@/app/lib/domain/content";
import { typeableAnswer } from "@/app/lib/domain/quiz/typed-answer";
import {
  addDays,
  newCardState,
  orderQueue,
  remainingToday,
  siblingGroupOf,
  type BuryOptions,
  startOfDay,
  studyDayOf,
  type BalancedDays,
  type CardStateName,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { formatIntervalIn } from "@/app/lib/domain/i18n/format-interval";
import { notePath, type Locale } from "@/app/lib/domain/i18n/locales";
import { sourceLinkOf, type SourceLink } from "@/app/lib/schemas/rendered-note";
import { storedCardZhSchema } from "@/app/lib/schemas/translation";
import { db } from "../db";
import { answerPreviewer, type AnswerPreviewer } from "./answer-preview";
import { inChinese } from "./note-page";
import { storedStateOf, type CardStateRow } from "./review-rows";
import { getUserSettings, schedulerSettingsOf, type UserSettingsRow } from "./settings";
import { visiblePaperSql } from "./visibility";
import { noteNewLeft } from "./note-new-allowance";

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
  /** The passage's URL in the card's language ("/zh/papers/moco#…" for a card shown in Chinese). */
  noteHref: string;
  /** Where the answer comes from in the paper, shown with it ("Source: Table 1"). */
  source: SourceLink | null;
  /** What the four buttons show: again, hard, good, easy ("1m", "10m", "4d", "2.3mo"). */
  labels: [string, string, string, string];
  /**
   * The days the load balancer or easy days picked for each answer, as the labels show them
   * (null where the scheduler's own interval stands): the answer sends its own back.
   */
  days: BalancedDays;
  /** What to do with the front when it alone does not say (a reverse card's bare term). */
  instruction: string | null;
  /** A learning card shown before it is due (learn-ahead): when it is due, ISO; else null. */
  aheadOfDue: string | null;
  /** The card's flag: 0 none, 1 red, 2 orange, 3 green, 4 blue. */
  flag: number;
  /** A basic card's short back as plain text, which may be typed before it is shown; else null. */
  typeable: string | null;
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
  /** Cards answered in reviews since the study day began (the finish screen's total). */
  doneToday: number;
  /** Today's new-card limit is used up while this many new cards of the scope wait (else 0). */
  newWaiting: number;
}

/** Learning cards are shown up to 20 minutes early when nothing else is left (Anki's learn-ahead). */
const LEARN_AHEAD_MINUTES = 20;
/** At most this many (re)learning cards are read per queue; more is not a realistic day. */
const LEARNING_READ_LIMIT = 500;

/** What the review page shows of a card besides its state. */
interface ContentRow {
  cardId: string;
  front: string;
  back: string;
  /** Card.type (basic | reverse | cloze) and key ("<id>-rev" for a reverse card's second side). */
  type: string;
  key: string;
  anchor: string;
  /** Card.source: JSON, or null. */
  source: unknown;
  contentHash: string;
  slug: string;
  title: string;
  /** CardState.flag (null for a card never studied). */
  flag: number | null;
  /** Card.zh (the card in Chinese, storedCardZhSchema) and the note's Chinese title: one card, one history. */
  zh: unknown;
  titleZh: string | null;
}

/** A card state with its content: what the page needs of a card it shows. */
type DetailRow = ContentRow & CardStateRow & { version: number };

interface FreshRow extends ContentRow, CardStateRow {
  version: number | null;
  sortKey: number;
}

/**
 * A studied candidate as the queue reads it: what ordering needs (from the queue index alone),
 * and for the first cards of each kind, the rest of the state and the content (else null).
 */
type StudiedRow = Pick<CardStateRow, "state" | "due" | "stability" | "lastReview"> & {
  cardId: string;
} & { [K in Exclude<keyof DetailRow, "cardId" | "state" | "due" | "stability" | "lastReview">]: DetailRow[K] | null };

/** What the page needs of a candidate it shows. */
export interface Detail {
  version: number;
  state: StoredCardState;
  content: ContentRow;
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
  const rows = await db.$queryRaw<{ cardId: string; paperId: string; type: string; key: string; back: string; answered: boolean }[]>`
    SELECT c.id AS "cardId", c."paperId", c.type, c.key, c.back, false AS answered
      FROM "Card" c WHERE c.id = ANY(${cardIds}::text[]) AND c.type IN ('reverse', 'cloze')
    UNION ALL
    SELECT DISTINCT c.id, c."paperId", c.type, c.key, c.back, true
      FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId"
     WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l.source = 'review' AND c.type IN ('reverse', 'cloze')`;
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

/**
 * The SQL condition on `p` (Paper): live, visible, in the study set, in the scope. A note's own
 * session (scope.paper) studies that note whether or not it is in the set: asked for by name.
 */
function paperScopeSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."retiredAt" IS NULL`, visiblePaperSql(userId)];
  if (!settings.studyAll && !scope.paper) {
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

/**
 * The SQL condition on `s` (CardState): its card is live, in the study set and in the scope.
 * Checked inside the state scan, before its LIMIT, by one hash lookup per state rather than a
 * join per state: in the usual case (all notes, the whole queue) against the few retired cards
 * (a card is retired with its note, so the card's flag is enough); otherwise against the cards
 * the set or the scope allows.
 */
function liveStateSql(userId: string, settings: UserSettingsRow, scope: QueueScope): Prisma.Sql {
  if (settings.studyAll && !scope.paper && !scope.area) {
    return Prisma.sql`s."cardId" NOT IN (SELECT r.id FROM "Card" r WHERE r."retiredAt" IS NOT NULL)`;
  }
  return Prisma.sql`s."cardId" IN (
    SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE ${scopeSql(userId, settings, scope)})`;
}

/**
 * The SQL condition on `s` (CardState): neither suspended nor buried at `now`. Both columns
 * are carried by the queue index, so the state scans stay index-only.
 */
export function availableStateSql(now: Date): Prisma.Sql {
  return Prisma.sql`(NOT s.suspended AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now}))`;
}

const STATE_COLUMNS = Prisma.sql`
  s.version, s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps",
  s.reps, s.lapses, s.state, s."lastReview", s.flag`;

/** Today's answers so far: new cards introduced and reviews done, for the daily limits. */
function doneTodaySql(userId: string, dayStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*) FILTER (WHERE state = 0)::int AS new, count(*) FILTER (WHERE state = 2)::int AS review,
           count(*)::int AS total
      FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND source = 'review'`;
}

/**
 * The candidates of today's queue: (re)learning cards due soon, and the review cards due today
 * that are most likely forgotten (t/S largest, which orders them as retrievability does) up to
 * the review limit, in one statement read from the (userId, state, due) index alone (it
 * carries the state's columns), with the content the page shows for the first `show` of each
 * kind (those at the head of the queue); then the first new cards in the notes' order up to the
 * new-card limit, looking from note `newCardsFrom` on. `orderQueue` puts them in the exact
 * order. Exported for the benchmark, which runs them under EXPLAIN ANALYZE.
 */
export function candidateSql(
  userId: string,
  settingsRow: UserSettingsRow,
  scope: QueueScope,
  now: Date,
  nextDayStart: Date,
  limits: { newLeft: number; reviewsLeft: number },
  options: { newCardsFrom?: number; show?: number } = {},
) {
  const live = liveStateSql(userId, settingsRow, scope);
  const available = availableStateSql(now);
  const learnUntil = new Date(now.getTime() + LEARN_AHEAD_MINUTES * 60_000);
  const learning = Prisma.sql`
    SELECT s.*, row_number() OVER (ORDER BY s.due, s."cardId") AS rank
      FROM (SELECT s."cardId", s.state, s.due, s.stability, s."lastReview" FROM "CardState" s
             WHERE s."userId" = ${userId} AND s.state IN (1, 3) AND s.due <= ${learnUntil} AND ${live} AND ${available}
             ORDER BY s.due, s."cardId" LIMIT ${LEARNING_READ_LIMIT}) s`;
  // t/S = now / S - lastReview / S, from two generated columns the index carries (see the
  // migration review_queue_overdue_key): one multiply-subtract per due card. Only what the
  // order needs goes through the sort (narrow rows sort much faster, and a backlog can be
  // thousands of cards); the rest of a state is read for the cards shown first.
  const due = Prisma.sql`
    SELECT p."cardId", 2 AS state, p.due, p.stability, p."lastReview",
           row_number() OVER (ORDER BY p.k DESC, p.due, p."cardId") AS rank
      FROM (SELECT s."cardId", s.due, s.stability, s."lastReview",
                   ${now.getTime() / 1000}::float8 * s."overdueRate" - s."overdueOffset" AS k
              FROM "CardState" s
             WHERE s."userId" = ${userId} AND s.state = 2 AND s.due < ${nextDayStart} AND ${live} AND ${available}
             ORDER BY k DESC, s.due, s."cardId" LIMIT ${limits.reviewsLeft}) p`;
  return {
    studied: Prisma.sql`
      SELECT x."cardId", x.state, x.due, x.stability, x."lastReview", d.*
        FROM (${learning} ${limits.reviewsLeft > 0 ? Prisma.sql`UNION ALL ${due}` : Prisma.empty}) x
        LEFT JOIN LATERAL (
          SELECT st.version, st.difficulty, st."elapsedDays", st."scheduledDays", st."learningSteps", st.reps,
                 st.lapses, st.flag, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title,
                 c.zh, p.zh->>'title' AS "titleZh"
            FROM "CardState" st JOIN "Card" c ON c.id = st."cardId" JOIN "Paper" p ON p.id = c."paperId"
           WHERE x.rank <= ${options.show ?? 20} AND st."userId" = ${userId} AND st."cardId" = x."cardId"
          OFFSET 0) d ON true`, // OFFSET 0: the rank test gates the join instead of filtering after it
    // Note by note in order (each note's cards by its index), stopping at the limit: with the
    // bound, only the notes from the first one holding new cards are read.
    fresh:
      limits.newLeft > 0
        ? Prisma.sql`
      SELECT c.id AS "cardId", c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title, p."sortKey",
             c.zh, p."titleZh",
             c.version, c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays", c."learningSteps",
             c.reps, c.lapses, c.state, c."lastReview", c.flag
        FROM (SELECT p.id, p.slug, p.title, p."sortKey", p.zh->>'title' AS "titleZh" FROM "Paper" p
               WHERE p."sortKey" >= ${options.newCardsFrom ?? 0} AND ${paperScopeSql(userId, settingsRow, scope)}
               ORDER BY p."sortKey", p.id) p
        CROSS JOIN LATERAL (
          SELECT c.id, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", c.position, c.zh, ${STATE_COLUMNS}
            FROM "Card" c LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
           WHERE c."paperId" = p.id AND c."retiredAt" IS NULL AND (s."cardId" IS NULL OR (s.state = 0 AND ${available}))
           ORDER BY c.position, c.id) c
       LIMIT ${limits.newLeft}`
        : null,
  };
}

/** The states and content of the given studied cards (shown, but read without them). */
function cardDetailSql(userId: string, cardIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT s."cardId", ${STATE_COLUMNS}, c.front, c.back, c.type, c.key, c.anchor, c.source, c."contentHash", p.slug, p.title,
           c.zh, p.zh->>'title' AS "titleZh"
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s."cardId" IN (${Prisma.join(cardIds)})`;
}

const detailOf = (row: DetailRow): Detail => ({ version: row.version, state: storedStateOf(row), content: row });

/** The user's own state and the content of each of `cardIds` they have studied, by card id. */
export async function readCardDetails(userId: string, cardIds: string[]): Promise<Map<string, Detail>> {
  if (cardIds.length === 0) return new Map();
  const rows = await db.$queryRaw<DetailRow[]>(cardDetailSql(userId, cardIds));
  return new Map(rows.map((row) => [row.cardId, detailOf(row)]));
}

/** The detail's columns are all NOT NULL, so the lateral join gives all of them or none. */
function hasDetail(row: StudiedRow): row is StudiedRow & DetailRow {
  return row.version !== null && row.front !== null;
}

async function loadCandidates(sql: ReturnType<typeof candidateSql>, now: Date) {
  const [studied, fresh] = await Promise.all([
    db.$queryRaw<StudiedRow[]>(sql.studied),
    sql.fresh ? db.$queryRaw<FreshRow[]>(sql.fresh) : Promise.resolve([]),
  ]);
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
      const state = row.version === null ? newCardState(now) : storedStateOf(row);
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

/**
 * The content the user studies: the corpus and their own notes (issue 17), each read from the
 * (ownerId, sortKey) index, so other users' notes neither cost a read nor reset the bound.
 */
export function contentStampSqlFor(userId: string | null): Prisma.Sql {
  return Prisma.sql`
    SELECT GREATEST(a.stamp, b.stamp) AS stamp, GREATEST(a.last, b.last) AS last
      FROM (SELECT max("updatedAt") AS stamp, max("sortKey") AS last FROM "Paper" WHERE "ownerId" IS NULL) a,
           (SELECT max("updatedAt") AS stamp, max("sortKey") AS last FROM "Paper" WHERE "ownerId" = ${userId ?? ""}) b`;
}
export const contentStampSql = contentStampSqlFor(null);

/** The content's last change and the last note in order, for the new-card bound. */
async function contentStamp(userId: string): Promise<{ stamp: string; lastSortKey: number }> {
  const rows = await db.$queryRaw<{ stamp: Date | null; last: number | null }[]>(contentStampSqlFor(userId));
  return { stamp: rows[0]?.stamp?.toISOString() ?? "", lastSortKey: rows[0]?.last ?? 0 };
}

/** The instants and limits of the user's study day at `now`. */
export async function studyDayLimits(userId: string, settingsRow: UserSettingsRow, now: Date) {
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const dayStart = startOfDay(today, settingsRow.timeZone, settingsRow.dayStartHour);
  const nextDayStart = startOfDay(addDays(today, 1), settingsRow.timeZone, settingsRow.dayStartHour);
  const done = (await db.$queryRaw<{ new: number; review: number; total: number }[]>(doneTodaySql(userId, dayStart)))[0] ?? {
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
  return { today, dayStart, nextDayStart, limits, doneToday: done.total, doneSql: doneTodaySql(userId, dayStart) };
}

const htmlCache = new Map<string, { front: string; back: string }>();
const HTML_CACHE_LIMIT = 5000;

/**
 * A card in the reader's language: its Chinese sides, passage and source in Chinese when the
 * card has them (an English-only card stays English). The same card id and state either way.
 */
function localizedContent(row: ContentRow, locale: Locale): ContentRow & { zhShown: boolean } {
  if (locale !== "zh-CN") return { ...row, zhShown: false };
  const zh = storedCardZhSchema.safeParse(row.zh);
  if (!zh.success) return { ...row, zhShown: false };
  return {
    ...row,
    front: zh.data.front,
    back: zh.data.back,
    anchor: zh.data.anchor ?? "",
    source: zh.data.source,
    title: row.titleZh ?? row.title,
    zhShown: true,
  };
}

/** Card sides rendered once per content version and language (rendering markdown costs a millisecond or so). */
function renderedSides(row: ContentRow & { zhShown: boolean }): { front: string; back: string } {
  // A Chinese-only edit keeps contentHash (it resets nothing), so the Chinese sides key themselves.
  const key = row.zhShown ? `${row.cardId}:zh:${row.front}\u0000${row.back}` : `${row.cardId}:${row.contentHash}`;
  let sides = htmlCache.get(key);
  if (!sides) {
    const html = row.zhShown ? inChinese : (text: string) => text;
    sides = { front: html(renderMarkdown(row.front)), back: html(renderMarkdown(row.back)) };
    if (htmlCache.size >= HTML_CACHE_LIMIT) htmlCache.clear();
    htmlCache.set(key, sides);
  }
  return sides;
}

function kindOf(state: CardStateName): ReviewCard["kind"] {
  if (state === "new") return "new";
  return state === "review" ? "review" : "learning";
}

function toReviewCard(candidate: Candidate & { detail: Detail }, preview: AnswerPreviewer, now: Date, locale: Locale): ReviewCard {
  const { state, version } = candidate.detail;
  const content = localizedContent(candidate.detail.content, locale);
  const sides = renderedSides(content);
  const { intervalMs, days } = preview(candidate.cardId, state);
  return {
    cardId: candidate.cardId,
    version,
    kind: kindOf(state.state),
    frontHtml: sides.front,
    backHtml: sides.back,
    paperSlug: content.slug,
    paperTitle: content.title,
    anchor: content.anchor,
    noteHref: `${notePath(content.zhShown ? "zh-CN" : "en", content.slug)}${content.anchor ? `#${content.anchor}` : ""}`,
    source: localizedSource(sourceLinkOf(content.source, content.slug), content.zhShown ? "zh-CN" : "en", content.slug),
    labels: intervalMs.map((ms) => formatIntervalIn(ms, locale)) as ReviewCard["labels"],
    days,
    instruction: instructionOf(content, locale),
    aheadOfDue: kindOf(state.state) === "learning" && state.due.getTime() > now.getTime() ? state.due.toISOString() : null,
    flag: content.flag ?? 0,
    typeable: content.type === "basic" ? typeableAnswer(content.back) : null,
  };
}

/** A card of a custom session (see review-custom-queue.ts) as the page shows it. */
export function customCardOf(cardId: string, detail: Detail, preview: AnswerPreviewer, now: Date, locale: Locale = "en"): ReviewCard {
  return toReviewCard({ cardId, state: detail.state, detail }, preview, now, locale);
}

/**
 * A reverse card's sides are a term and its meaning, either of which may be one bare word
 * ("LayerNorm"): say which way the recall goes.
 */
function instructionOf(content: ContentRow, locale: Locale): string | null {
  if (content.type !== "reverse") return null;
  const text = INSTRUCTIONS[locale];
  return content.key.endsWith("-rev") ? text.nameTerm : text.recallMeaning;
}

// Data, not UI chrome: the queue route sends it with the card, in the reader's language.
const INSTRUCTIONS: Record<Locale, { nameTerm: string; recallMeaning: string }> = {
  en: { nameTerm: "Name the term this describes.", recallMeaning: "Recall what this term means." },
  "zh-CN": { nameTerm: "说出这段话描述的术语。", recallMeaning: "回忆这个术语的含义。" },
};

/** A Chinese card's source links to the passage in the Chinese note. */
function localizedSource(link: SourceLink | null, locale: Locale, slug: string): SourceLink | null {
  if (!link || locale === "en") return link;
  return { ...link, href: link.href.replace(`/papers/${slug}`, notePath(locale, slug)) };
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
  // A suspended card is never due; a buried one not before its bury ends.
  const rows = await db.$queryRaw<{ due: Date | null }[]>`
    SELECT min(GREATEST(s.due, COALESCE(s."buriedUntil", s.due))) AS due
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND NOT s.suspended AND ${scopeSql(userId, settingsRow, scope)}`;
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
  const newCardsFrom = content && content.stamp === settingsRow.newCardsFromStamp ? settingsRow.newCardsFrom : 0;
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
    candidateSql(userId, settingsRow, scope, now, nextDayStart, { newLeft: margin(newLeft), reviewsLeft: margin(reviewsLeft) }, {
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
    if (first !== settingsRow.newCardsFrom || content.stamp !== settingsRow.newCardsFromStamp) {
      // Only if nobody lowered it meanwhile (an undo or a note added while this queue was read).
      await db.userSettings.updateMany({
        where: { userId, newCardsFrom: settingsRow.newCardsFrom, newCardsFromStamp: settingsRow.newCardsFromStamp },
        data: { newCardsFrom: first, newCardsFromStamp: content.stamp },
      });
    }
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
      return shown.map((candidate) => toReviewCard(candidate, preview, now, locale));
    }),
    counts,
    nextDue: ordered.length === 0 ? await nextDueAfter(userId, settingsRow, scope, now, nextDayStart) : null,
    nextDayStart,
    doneToday,
    newWaiting: await newWaiting,
  };
}

/**
 * The first note (sortKey) holding a new card of the user's that was buried (whether or not
 * its bury has ended: an answer clears it), else +Infinity. New states are few (reset, undone
 * or controlled cards), read from the queue index.
 */
async function firstBuriedNewSortKey(userId: string): Promise<number> {
  const rows = await db.$queryRaw<{ first: number | null }[]>`
    SELECT min(p."sortKey") AS first FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state = 0 AND s."buriedUntil" IS NOT NULL`;
  return rows[0]?.first ?? Number.POSITIVE_INFINITY;
}

/** New cards of the scope the user has not seen (asked only once today's new-card limit is used). */
async function countNewInScope(userId: string, settingsRow: UserSettingsRow, scope: QueueScope, now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
      FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
      LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
     WHERE ${scopeSql(userId, settingsRow, scope)} AND (s."cardId" IS NULL OR (s.state = 0 AND ${availableStateSql(now)}))`;
  return rows[0]?.n ?? 0;
}
