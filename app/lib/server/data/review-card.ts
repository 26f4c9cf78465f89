import "#server-only";
import { renderMarkdown } from "@/app/lib/domain/content";
import { typeableAnswer } from "@/app/lib/domain/quiz/typed-answer";
import { type BalancedDays, type CardStateName, type StoredCardState } from "@/app/lib/domain/scheduling";
import { formatIntervalIn } from "@/app/lib/domain/i18n/format-interval";
import { notePath, type Locale } from "@/app/lib/domain/i18n/locales";
import { sourceLinkOf, type SourceLink } from "@/app/lib/schemas/rendered-note";
import { storedCardZhSchema } from "@/app/lib/schemas/translation";
import type { ContentRow } from "../sql/review-queue";
import type { AnswerPreviewer } from "./answer-preview";
import { inChinese } from "./note-page";

/**
 * A queued card as the review page shows it: its sides rendered (and cached), in the reader's
 * language, with the four buttons' intervals. The queue (review-queue.ts) and custom sessions
 * (review-custom-queue.ts) both end here.
 */

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

/** What the page needs of a candidate it shows. */
export interface Detail {
  version: number;
  state: StoredCardState;
  content: ContentRow;
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
    // A user's own card is hostile input like the rest of their note: the sanitiser's allow-list applies.
    const options = { untrusted: row.own };
    sides = { front: html(renderMarkdown(row.front, options)), back: html(renderMarkdown(row.back, options)) };
    if (htmlCache.size >= HTML_CACHE_LIMIT) htmlCache.clear();
    htmlCache.set(key, sides);
  }
  return sides;
}

export function kindOf(state: CardStateName): ReviewCard["kind"] {
  if (state === "new") return "new";
  return state === "review" ? "review" : "learning";
}

/** A card with its state and content as the review page shows it, in the reader's language. */
export function reviewCardOf(cardId: string, detail: Detail, preview: AnswerPreviewer, now: Date, locale: Locale = "en"): ReviewCard {
  const { state, version } = detail;
  const content = localizedContent(detail.content, locale);
  const sides = renderedSides(content);
  const { intervalMs, days } = preview(cardId, state);
  return {
    cardId,
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

