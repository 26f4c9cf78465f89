/**
 * What the content sync stores for a note, a card and a question: the row data built from the
 * parsed content (English columns, the Chinese edition in `zh`, sources as JSON or SQL NULL),
 * and what a row keeps beside its content hash (`unhashed`), compared apart by the sync.
 */
import { Prisma } from "@/app/generated/prisma/client";
import type { CardItem, ItemSource, LocalizedNote, ParsedNote, QuizItem } from "@/app/lib/domain/content/types";
import { canonicalJson } from "@/app/lib/domain/content/content-hash";
import type { NoteLayout } from "@/app/lib/schemas/rendered-note";
import type { StoredCardZh, StoredPaperZh, StoredQuestionZh } from "@/app/lib/schemas/translation";

export function paperData(note: ParsedNote, sortKey: number, search: string) {
  const m = note.meta;
  const layout: NoteLayout = { bodyStartLine: note.bodyStartLine, blocks: note.blocks, headings: note.headings };
  return {
    slug: note.slug,
    title: m.title,
    short: m.short,
    kind: m.kind,
    authors: m.authors ?? [],
    year: m.year ?? null,
    venue: m.venue ?? null,
    link: m.link ?? null,
    area: m.area,
    tags: m.tags,
    prerequisites: m.prerequisites ?? [],
    introduces: m.introduces ?? [],
    summary: m.summary,
    body: note.body,
    rendered: JSON.parse(JSON.stringify(layout)) as Prisma.InputJsonObject,
    sortKey,
    searchText: search,
  };
}

/** Paper.zh: the Chinese edition of a note, or null when the corpus has none. */
export function paperZh(zh: LocalizedNote | undefined): StoredPaperZh | null {
  if (!zh) return null;
  const layout: NoteLayout = { bodyStartLine: zh.bodyStartLine, blocks: zh.blocks, headings: zh.headings };
  return json({ title: zh.title, summary: zh.summary, introduces: zh.introduces, body: zh.body, layout, anchors: zh.anchors });
}

function cardZh(item: CardItem, zh: LocalizedNote | undefined): StoredCardZh | null {
  const card = zh?.cards[item.id];
  return card ? json({ front: card.front, back: card.back, anchor: card.anchor, source: card.source }) : null;
}

function questionZh(item: QuizItem, zh: LocalizedNote | undefined): StoredQuestionZh | null {
  const question = zh?.questions[item.id];
  if (!question) return null;
  return json({ prompt: question.prompt, payload: question.payload, explanation: question.explanation, anchor: question.anchor, source: question.source });
}

/** The answer as stored: the English key, and for a short answer the Chinese answers beside it. */
function answerData(item: QuizItem, zh: LocalizedNote | undefined) {
  const chinese = zh?.questions[item.id]?.answer;
  return item.answer.type === "short" && chinese ? { ...item.answer, zh: chinese } : item.answer;
}

export function cardData(item: CardItem, position: number, zh?: LocalizedNote) {
  return {
    type: item.type,
    front: item.front,
    back: item.back,
    anchor: item.anchor ?? "",
    source: sourceData(item.source),
    zh: cardZh(item, zh) ?? Prisma.DbNull,
    derived: item.derived,
    contentHash: item.hash,
    position,
  };
}

export function questionData(item: QuizItem, position: number, zh?: LocalizedNote) {
  return {
    type: item.type,
    prompt: item.prompt,
    payload: JSON.parse(JSON.stringify(item.payload)) as Prisma.InputJsonObject,
    answer: json(answerData(item, zh)) as Prisma.InputJsonValue,
    explanation: item.explanation,
    anchor: item.anchor ?? "",
    source: sourceData(item.source),
    zh: questionZh(item, zh) ?? Prisma.DbNull,
    derived: item.derived,
    contentHash: item.hash,
    position,
  };
}

/** A value as JSON stores it (undefined members dropped), so what is compared is what is stored. */
function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** An item's source as stored: JSON, or SQL NULL for none. */
function sourceData(source: ItemSource | null | undefined): Prisma.InputJsonObject | typeof Prisma.DbNull {
  return source ? { text: source.text, anchor: source.anchor } : Prisma.DbNull;
}

/**
 * What a row stores beside its hashed content: its source, its Chinese words and (questions)
 * the Chinese answers. None is in the item's hash (none resets a review history), so the sync
 * compares them apart.
 */
export function unhashed(source: unknown, zh: unknown, answer?: unknown): string {
  const chineseAnswers = answer !== null && typeof answer === "object" && "zh" in answer ? answer.zh : null;
  return canonicalJson([source ?? null, zh ?? null, chineseAnswers ?? null]);
}

export function unhashedOfData(data: { source: unknown; zh: unknown; answer?: unknown }): string {
  const plain = (value: unknown) => (value === Prisma.DbNull ? null : value);
  return unhashed(plain(data.source), plain(data.zh), data.answer);
}
