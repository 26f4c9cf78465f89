import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { storedCardZhSchema, storedPaperZhSchema, storedQuestionZhSchema } from "@/app/lib/schemas/translation";

/**
 * Database text in the reader's language, the one look-up every list uses (the review page's
 * rule): a card, question or note has its Chinese words in its `zh` column under the same id;
 * in Chinese they are shown when present, else the English stays (and is marked `lang="en"`).
 * `shownIn` says which language the text is in, for the element's `lang`.
 */
export interface ShownText {
  text: string;
  shownIn: Locale;
}

/** A note's title in the reader's language (Paper.zh.title when read in Chinese and present). */
export function paperTitleIn(paper: { title: string; zh: Prisma.JsonValue | null }, locale: Locale): ShownText {
  if (locale === "zh-CN") {
    const zh = storedPaperZhSchema.pick({ title: true }).safeParse(paper.zh);
    if (zh.success) return { text: zh.data.title, shownIn: "zh-CN" };
  }
  return { text: paper.title, shownIn: "en" };
}

/**
 * A card's sides in the reader's language (Card.zh when read in Chinese and present), with the
 * heading anchor of its passage in that edition of the note (the Chinese page has its own).
 */
export function cardSidesIn(
  card: { front: string; back: string; anchor: string; zh: Prisma.JsonValue | null },
  locale: Locale,
): { front: string; back: string; anchor: string; shownIn: Locale } {
  if (locale === "zh-CN") {
    const zh = storedCardZhSchema.safeParse(card.zh);
    if (zh.success) return { front: zh.data.front, back: zh.data.back, anchor: zh.data.anchor ?? card.anchor, shownIn: "zh-CN" };
  }
  return { front: card.front, back: card.back, anchor: card.anchor, shownIn: "en" };
}

/** A question's prompt in the reader's language (QuizQuestion.zh.prompt when read in Chinese and present). */
export function questionPromptIn(question: { prompt: string; zh: Prisma.JsonValue | null }, locale: Locale): ShownText {
  if (locale === "zh-CN") {
    const zh = storedQuestionZhSchema.pick({ prompt: true }).safeParse(question.zh);
    if (zh.success) return { text: zh.data.prompt, shownIn: "zh-CN" };
  }
  return { text: question.prompt, shownIn: "en" };
}

/**
 * The same rule in SQL, for lists that search and sort on the shown text: `column` of `alias`
 * (a fixed name from the code, never from a request) or its `zh` key when read in Chinese.
 * A `zh` value that is not a string (no Chinese edition) leaves the English.
 */
export function zhOrSql(locale: Locale, alias: "c" | "p" | "q", column: "front" | "back" | "title" | "prompt"): Prisma.Sql {
  const english = Prisma.raw(`${alias}."${column}"`);
  if (locale !== "zh-CN") return english;
  return Prisma.sql`COALESCE(${Prisma.raw(`${alias}.zh->>'${column}'`)}, ${english})`;
}

/** Whether `zhOrSql` shows the Chinese (for the row's `lang`). */
export function zhShownSql(locale: Locale, alias: "c" | "p" | "q", column: "front" | "back" | "title" | "prompt"): Prisma.Sql {
  if (locale !== "zh-CN") return Prisma.sql`false`;
  return Prisma.sql`(${Prisma.raw(`${alias}.zh->>'${column}'`)} IS NOT NULL)`;
}
