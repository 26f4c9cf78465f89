/**
 * The content sync's item planning: one note's cards and questions compared with their rows
 * (an edited item keeps its row id, a removed one is retired, new ones are queued for one
 * multi-row insert), the summary counts, and `syncNoteItems`, which runs it for one user's
 * own note. `syncCorpus` (content-sync.ts) runs the same planning for every corpus note.
 */
import type { Prisma } from "@/app/generated/prisma/client";
import type { CardItem, QuizItem } from "@/app/lib/domain/content/types";
import { cardData, questionData, unhashed, unhashedOfData } from "./content-sync-rows";

export interface SyncCounts {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface SyncSummary {
  notes: SyncCounts;
  cards: SyncCounts;
  questions: SyncCounts;
  writes: number;
}

export const emptyCounts = (): SyncCounts => ({ added: 0, updated: 0, retired: 0, unchanged: 0 });

export type Tx = Prisma.TransactionClient;

/** Rows a multi-row INSERT may carry before PostgreSQL's 65,535-parameter limit comes near. */
const CHUNK = 1000;

export async function inChunks<T, R>(items: T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

/**
 * One note's cards and questions against its rows, as `syncCorpus` does it for every note: an
 * edited item keeps its row id (and every review), a removed one is retired with its history.
 * For a user's own note (issue 17), inside the caller's transaction.
 */
export async function syncNoteItems(tx: Tx, paperId: string, cards: CardItem[], questions: QuizItem[], now: Date): Promise<SyncSummary> {
  const summary: SyncSummary = { notes: emptyCounts(), cards: emptyCounts(), questions: emptyCounts(), writes: 0 };
  const [existingCards, existingQuestions] = await Promise.all([
    tx.card.findMany({ where: { paperId }, select: { id: true, key: true, contentHash: true, source: true, zh: true, retiredAt: true, position: true } }),
    tx.quizQuestion.findMany({
      where: { paperId },
      select: { id: true, key: true, contentHash: true, source: true, zh: true, answer: true, retiredAt: true, position: true },
    }),
  ]);
  const cardPlan = new ItemPlan<Prisma.CardCreateManyInput>();
  const questionPlan = new ItemPlan<Prisma.QuizQuestionCreateManyInput>();
  const cardIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  await planItems(tx, "card", paperId, cards, existingCards, (item: CardItem, position) => cardData(item, position), cardPlan, summary.cards, summary, cardIds);
  const changed = await planItems(tx, "quizQuestion", paperId, questions, existingQuestions, (item: QuizItem, position) => questionData(item, position), questionPlan, summary.questions, summary, questionIds);
  if (cardPlan.creates.length) {
    for (const c of await tx.card.createManyAndReturn({ data: cardPlan.creates, select: { id: true, key: true } })) cardIds.set(c.key, c.id);
  }
  if (questionPlan.creates.length) {
    for (const q of await tx.quizQuestion.createManyAndReturn({ data: questionPlan.creates, select: { id: true, key: true } })) questionIds.set(q.key, q.id);
  }
  await retire(tx, "card", cardPlan.retire, now, summary);
  await retire(tx, "quizQuestion", questionPlan.retire, now, summary);
  const relinked = questions.filter((q) => changed.has(q.id));
  if (relinked.length) {
    const ids = relinked.map((q) => questionIds.get(q.id)).filter((id): id is string => Boolean(id));
    await tx.quizQuestionCard.deleteMany({ where: { questionId: { in: ids } } });
    const rows = relinked.flatMap((q) => {
      const questionId = questionIds.get(q.id);
      return q.cardKeys
        .map((key) => cardIds.get(key.slice(key.indexOf("/") + 1)))
        .filter((cardId): cardId is string => Boolean(cardId && questionId))
        .map((cardId) => ({ questionId: questionId as string, cardId }));
    });
    if (rows.length) await tx.quizQuestionCard.createMany({ data: rows, skipDuplicates: true });
  }
  return summary;
}

type ExistingItem = {
  id: string;
  key: string;
  contentHash: string;
  source: Prisma.JsonValue;
  zh: Prisma.JsonValue;
  answer?: Prisma.JsonValue;
  retiredAt: Date | null;
  position: number;
};

export class ItemPlan<C> {
  creates: C[] = [];
  retire: string[] = [];
}

/**
 * Compares one note's items with its rows: queues inserts and retirements, updates changed rows
 * in place (keeping their ids). Returns the ids (item ids) that were added or changed.
 */
export async function planItems<I extends CardItem | QuizItem, C>(
  tx: Tx,
  model: "card" | "quizQuestion",
  paperId: string,
  items: I[],
  existing: ExistingItem[],
  toData: (item: I, position: number) => Omit<C, "paperId" | "key">,
  plan: ItemPlan<C>,
  counts: SyncCounts,
  summary: SyncSummary,
  ids: Map<string, string>,
): Promise<Set<string>> {
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const changed = new Set<string>();
  for (const [position, item] of items.entries()) {
    const data = toData(item, position);
    const row = byKey.get(item.id);
    if (!row) {
      plan.creates.push({ paperId, key: item.id, ...data } as C);
      counts.added += 1;
      changed.add(item.id);
      continue;
    }
    ids.set(item.id, row.id);
    const sideChanged = unhashed(row.source, row.zh, row.answer) !== unhashedOfData(data as unknown as { source: unknown; zh: unknown; answer?: unknown });
    if (row.contentHash !== item.hash || sideChanged || row.retiredAt || row.position !== position) {
      const update = { ...data, retiredAt: null };
      if (model === "card") await tx.card.update({ where: { id: row.id }, data: update });
      else await tx.quizQuestion.update({ where: { id: row.id }, data: update });
      counts.updated += 1;
      summary.writes += 1;
      changed.add(item.id);
    } else {
      counts.unchanged += 1;
    }
  }
  const keep = new Set(items.map((i) => i.id));
  for (const row of existing) {
    if (!keep.has(row.key) && !row.retiredAt) {
      plan.retire.push(row.id);
      counts.retired += 1;
    }
  }
  return changed;
}

export async function retire(tx: Tx, model: "card" | "quizQuestion", ids: string[], now: Date, summary: SyncSummary) {
  if (!ids.length) return;
  if (model === "card") await tx.card.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
  else await tx.quizQuestion.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
  summary.writes += 1;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
