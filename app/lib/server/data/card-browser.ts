import "#server-only";
import {
  addDays,
  forgettingCurveConstants,
  predictedRetention,
  retrievability,
  startOfDay,
  stateFromCode,
  studyDayOf,
  type CardStateName,
} from "@/app/lib/domain/scheduling";
import { CARD_PAGE_SIZE, type CardBrowserQuery } from "@/app/lib/schemas/cards-browser";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { cardSidesIn, paperTitleIn } from "./localized-text";
import { visiblePapers } from "./visibility";
import { db } from "../db";
import { cardPageQuery } from "../sql/card-browser";
import { storedStateOf } from "../sql/card-state";
import { rowsOf } from "../sql/typed-query";
import { getUserSettings, schedulerSettingsOf } from "./settings";

/** One row of the card browser. */
export interface BrowsedCard {
  cardId: string;
  /** In the reader's language when the card has it (`frontIn` says which). */
  front: string;
  frontIn: Locale;
  type: string;
  noteSlug: string;
  noteTitle: string;
  noteTitleIn: Locale;
  state: CardStateName;
  /** Null for a card never studied. */
  due: Date | null;
  difficulty: number | null;
  stability: number | null;
  /** Probability of recall now, 0..1; null for a new card. */
  retrievability: number | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  flag: number;
  leech: boolean;
}

export interface CardPage {
  cards: BrowsedCard[];
  /** Cards matching the filters, over all pages. */
  total: number;
  page: number;
  pages: number;
}

/**
 * One page of the cards the user can study (live corpus cards) with the user's own state of
 * each: searched in the front and back, filtered, sorted and paged in one SQL statement.
 * Retrievability is the FSRS-6 forgetting curve of the user's weights at whole days since the
 * last review, as ts-fsrs computes it, evaluated in SQL so that it can filter and sort.
 */
export async function browseCards(userId: string, query: CardBrowserQuery, now: Date, locale: Locale = "en"): Promise<CardPage> {
  const settingsRow = await getUserSettings(userId);
  const { decay, factor } = forgettingCurveConstants(schedulerSettingsOf(settingsRow).parameters);
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const tomorrow = startOfDay(addDays(today, 1), settingsRow.timeZone, settingsRow.dayStartHour);
  const weekEnd = startOfDay(addDays(today, 7), settingsRow.timeZone, settingsRow.dayStartHour);

  const rows = await rowsOf(cardPageQuery(userId, query, { now, tomorrow, weekEnd, decay, factor, locale }));
  const total = rows[0]?.total ?? (query.page > 1 ? await countMatching(userId, query, now, locale) : 0);
  return {
    cards: rows.map((row) => ({
      cardId: row.id,
      front: row.front,
      frontIn: row.frontZh ? "zh-CN" : "en",
      type: row.type,
      noteSlug: row.slug,
      noteTitle: row.title,
      noteTitleIn: row.titleZh ? "zh-CN" : "en",
      state: stateFromCode(row.state),
      due: row.due,
      difficulty: row.difficulty,
      stability: row.stability,
      retrievability: row.r,
      reps: row.reps,
      lapses: row.lapses,
      suspended: row.suspended,
      buried: row.buriedUntil !== null && row.buriedUntil.getTime() > now.getTime(),
      flag: row.flag,
      leech: row.leech,
    })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / CARD_PAGE_SIZE)),
  };
}

/** A page past the last is empty: how many there are, to offer the last page. */
async function countMatching(userId: string, query: CardBrowserQuery, now: Date, locale: Locale): Promise<number> {
  const first = await browseCards(userId, { ...query, page: 1 }, now, locale);
  return first.total;
}

/** The notes a card can belong to, for the filter: the corpus and the user's own. */
export async function browsableNotes(userId: string, locale: Locale = "en"): Promise<{ slug: string; title: string; titleIn: Locale }[]> {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, ...visiblePapers(userId) },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    select: { slug: true, title: true, zh: true },
  });
  return papers.map((paper) => {
    const title = paperTitleIn(paper, locale);
    return { slug: paper.slug, title: title.text, titleIn: title.shownIn };
  });
}

export interface CardHistoryEntry {
  reviewedAt: Date;
  rating: number;
  /** State before the answer. */
  state: CardStateName;
  /** Days since the review before (whole days, as FSRS counted them). */
  elapsedDays: number;
  durationMs: number;
  source: string;
}

export interface CardDetail {
  cardId: string;
  /** Front and back in the reader's language when the card has it (`shownIn` says which). */
  front: string;
  back: string;
  shownIn: Locale;
  noteSlug: string;
  noteTitle: string;
  noteTitleIn: Locale;
  /** The passage's heading anchor in the edition of the note the reader's language opens. */
  anchor: string;
  state: CardStateName;
  due: Date | null;
  stability: number | null;
  difficulty: number | null;
  retrievability: number | null;
  lastReview: Date | null;
  history: CardHistoryEntry[];
  /** The forgetting curve since the last review: days after it and the predicted recall. */
  curve: { day: number; r: number }[];
  /** Days from the last review to now (the "you are here" mark on the curve). */
  daysSinceReview: number | null;
}

/**
 * One card with the user's full review history of it and its forgetting curve (the user's
 * weights and the card's stability), or null when the card is not a live one.
 */
export async function getCardDetail(userId: string, cardId: string, now: Date, locale: Locale = "en"): Promise<CardDetail | null> {
  const card = await db.card.findFirst({
    where: { id: cardId, retiredAt: null, paper: { retiredAt: null, ...visiblePapers(userId) } },
    select: { id: true, front: true, back: true, anchor: true, zh: true, paper: { select: { slug: true, title: true, zh: true } } },
  });
  if (!card) return null;
  const sides = cardSidesIn(card, locale);
  const title = paperTitleIn(card.paper, locale);
  const [row, logs, settingsRow] = await Promise.all([
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } }),
    db.reviewLog.findMany({
      where: { userId, cardId },
      orderBy: [{ reviewedAt: "asc" }, { createdAt: "asc" }],
      select: { reviewedAt: true, rating: true, state: true, elapsedDays: true, durationMs: true, source: true },
    }),
    getUserSettings(userId),
  ]);
  const settings = schedulerSettingsOf(settingsRow);
  const state = row ? storedStateOf(row) : null;
  const studied = state !== null && state.state !== "new" && state.stability > 0 && state.lastReview !== null;
  let curve: { day: number; r: number }[] = [];
  let daysSinceReview: number | null = null;
  if (studied) {
    daysSinceReview = Math.max(0, (now.getTime() - state.lastReview!.getTime()) / 86_400_000);
    // Far enough to see the curve fall well below the desired retention, and past today.
    const horizon = Math.max(7, Math.ceil(Math.max(state.stability * 3, daysSinceReview * 1.2)));
    const steps = 60;
    curve = Array.from({ length: steps + 1 }, (_, i) => {
      const day = (horizon * i) / steps;
      return { day: Math.round(day * 100) / 100, r: predictedRetention(settings.parameters, day, state.stability) };
    });
  }
  return {
    cardId: card.id,
    front: sides.front,
    back: sides.back,
    shownIn: sides.shownIn,
    noteSlug: card.paper.slug,
    noteTitle: title.text,
    noteTitleIn: title.shownIn,
    anchor: sides.anchor,
    state: state?.state ?? "new",
    due: studied ? state.due : null,
    stability: studied ? state.stability : null,
    difficulty: studied ? state.difficulty : null,
    retrievability: studied ? retrievability(state, settings, now) : null,
    lastReview: state?.lastReview ?? null,
    history: logs.map((log) => ({ ...log, state: stateFromCode(log.state) })),
    curve,
    daysSinceReview,
  };
}
