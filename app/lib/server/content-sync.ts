/**
 * Loads a validated corpus into PostgreSQL in one transaction.
 *
 * - Idempotent: rows are compared by content hash; an unchanged corpus causes no write.
 * - An edited card or question keeps its row id (matched by note + stable id), so every
 *   user's card state and review log stay attached to it.
 * - A card, question or note that left the content is retired (`retiredAt`), never deleted;
 *   retired cards drop out of review queues, their history stays.
 * - The caller never passes a corpus with errors: nothing is written unless all files are valid.
 *
 * Not marked `server-only`: the command-line sync and the dev server run it under tsx.
 */
import type { Prisma, PrismaClient } from "@/app/generated/prisma/client";
import { renderNote } from "@/app/lib/domain/content/render-note";
import type { CardItem, Corpus, ParsedNote, QuizItem } from "@/app/lib/domain/content/types";
import { prerequisiteOrder, searchDocument } from "@/app/lib/domain/content/note-order";
import { contentHash } from "@/app/lib/domain/content/content-hash";

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

const emptyCounts = (): SyncCounts => ({ added: 0, updated: 0, retired: 0, unchanged: 0 });

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The paper row's hash covers everything written to it, not only the file. */
function paperHash(note: ParsedNote, sortKey: number, search: string) {
  return contentHash({ file: note.hash, sortKey, search });
}

export async function syncCorpus(
  prisma: PrismaClient,
  corpus: Corpus,
  options: { onProgress?: (done: number, total: number) => void; now?: Date } = {},
): Promise<SyncSummary> {
  if (corpus.errors.length) {
    throw new Error(`refusing to sync a corpus with ${corpus.errors.length} error(s)`);
  }
  const now = options.now ?? new Date();
  const summary: SyncSummary = {
    notes: emptyCounts(),
    cards: emptyCounts(),
    questions: emptyCounts(),
    writes: 0,
  };
  const order = prerequisiteOrder(corpus.notes);
  const cardsByNote = group([...corpus.notes.flatMap((n) => n.cards), ...corpus.derived.cards]);
  const questionsByNote = group([
    ...corpus.notes.flatMap((n) => n.questions),
    ...corpus.derived.questions,
  ]);
  const total = corpus.notes.length;

  await prisma.$transaction(
    async (tx) => {
      const papers = await tx.paper.findMany({
        select: { id: true, slug: true, contentHash: true, retiredAt: true },
      });
      const paperBySlug = new Map(papers.map((p) => [p.slug, p]));
      const cards = await tx.card.findMany({
        select: { id: true, paperId: true, key: true, contentHash: true, retiredAt: true, position: true },
      });
      const questions = await tx.quizQuestion.findMany({
        select: { id: true, paperId: true, key: true, contentHash: true, retiredAt: true, position: true },
      });
      const cardsByPaper = groupBy(cards, (c) => c.paperId);
      const questionsByPaper = groupBy(questions, (q) => q.paperId);

      let done = 0;
      for (const note of corpus.notes) {
        const sortKey = order.get(note.slug) ?? 0;
        const noteCards = cardsByNote.get(note.slug) ?? [];
        const noteQuestions = questionsByNote.get(note.slug) ?? [];
        const search = searchDocument(note, noteCards, noteQuestions);
        const hash = paperHash(note, sortKey, search);
        const existing = paperBySlug.get(note.slug);
        let paperId: string;
        if (!existing) {
          const created = await tx.paper.create({
            data: { ...paperData(note, sortKey, search), contentHash: hash },
            select: { id: true },
          });
          paperId = created.id;
          summary.notes.added += 1;
          summary.writes += 1;
        } else {
          paperId = existing.id;
          if (existing.contentHash !== hash || existing.retiredAt) {
            await tx.paper.update({
              where: { id: existing.id },
              data: { ...paperData(note, sortKey, search), contentHash: hash, retiredAt: null },
            });
            summary.notes.updated += 1;
            summary.writes += 1;
          } else {
            summary.notes.unchanged += 1;
          }
        }
        const cardIds = await syncCards(tx, paperId, noteCards, cardsByPaper.get(paperId) ?? [], now, summary);
        await syncQuestions(tx, paperId, noteQuestions, questionsByPaper.get(paperId) ?? [], cardIds, now, summary);
        done += 1;
        options.onProgress?.(done, total);
      }

      // Notes that left the content: retire them and everything they hold.
      const present = new Set(corpus.notes.map((n) => n.slug));
      for (const paper of papers) {
        if (present.has(paper.slug) || paper.retiredAt) continue;
        await tx.paper.update({ where: { id: paper.id }, data: { retiredAt: now } });
        summary.notes.retired += 1;
        summary.writes += 1;
        const c = await tx.card.updateMany({ where: { paperId: paper.id, retiredAt: null }, data: { retiredAt: now } });
        const q = await tx.quizQuestion.updateMany({
          where: { paperId: paper.id, retiredAt: null },
          data: { retiredAt: now },
        });
        summary.cards.retired += c.count;
        summary.questions.retired += q.count;
        summary.writes += 2;
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  return summary;
}

function paperData(note: ParsedNote, sortKey: number, search: string) {
  const m = note.meta;
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
    rendered: JSON.parse(JSON.stringify(renderNote(note))) as Prisma.InputJsonObject,
    sortKey,
    searchText: search,
  };
}

type ExistingItem = { id: string; key: string; contentHash: string; retiredAt: Date | null; position: number };

async function syncCards(
  tx: Tx,
  paperId: string,
  items: CardItem[],
  existing: ExistingItem[],
  now: Date,
  summary: SyncSummary,
): Promise<Map<string, string>> {
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const ids = new Map<string, string>();
  const toCreate: Prisma.CardCreateManyInput[] = [];
  for (const [position, item] of items.entries()) {
    const data = {
      type: item.type,
      front: item.front,
      back: item.back,
      anchor: item.anchor ?? "",
      derived: item.derived,
      contentHash: item.hash,
      position,
    };
    const row = byKey.get(item.id);
    if (!row) {
      toCreate.push({ paperId, key: item.id, ...data });
      summary.cards.added += 1;
      continue;
    }
    ids.set(item.id, row.id);
    if (row.contentHash !== item.hash || row.retiredAt || row.position !== position) {
      await tx.card.update({ where: { id: row.id }, data: { ...data, retiredAt: null } });
      summary.cards.updated += 1;
      summary.writes += 1;
    } else {
      summary.cards.unchanged += 1;
    }
  }
  if (toCreate.length) {
    const created = await tx.card.createManyAndReturn({ data: toCreate, select: { id: true, key: true } });
    for (const c of created) ids.set(c.key, c.id);
    summary.writes += 1;
  }
  const keep = new Set(items.map((i) => i.id));
  const gone = existing.filter((c) => !keep.has(c.key) && !c.retiredAt).map((c) => c.id);
  if (gone.length) {
    await tx.card.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
    summary.cards.retired += gone.length;
    summary.writes += 1;
  }
  return ids;
}

async function syncQuestions(
  tx: Tx,
  paperId: string,
  items: QuizItem[],
  existing: ExistingItem[],
  cardIds: Map<string, string>,
  now: Date,
  summary: SyncSummary,
) {
  const byKey = new Map(existing.map((q) => [q.key, q]));
  const links = (item: QuizItem) =>
    item.cardKeys
      .map((key) => cardIds.get(key.slice(key.indexOf("/") + 1)))
      .filter((id): id is string => Boolean(id));
  const toCreate: Prisma.QuizQuestionCreateManyInput[] = [];
  const linksOf = new Map<string, string[]>();
  for (const [position, item] of items.entries()) {
    const data = {
      type: item.type,
      prompt: item.prompt,
      payload: JSON.parse(JSON.stringify(item.payload)) as Prisma.InputJsonObject,
      answer: JSON.parse(JSON.stringify(item.answer)) as Prisma.InputJsonValue,
      explanation: item.explanation,
      anchor: item.anchor ?? "",
      derived: item.derived,
      contentHash: item.hash,
      position,
    };
    const row = byKey.get(item.id);
    if (!row) {
      toCreate.push({ paperId, key: item.id, ...data });
      linksOf.set(item.id, links(item));
      summary.questions.added += 1;
      continue;
    }
    if (row.contentHash !== item.hash || row.retiredAt || row.position !== position) {
      await tx.quizQuestion.update({ where: { id: row.id }, data: { ...data, retiredAt: null } });
      await tx.quizQuestionCard.deleteMany({ where: { questionId: row.id } });
      const cardLinks = links(item);
      if (cardLinks.length) {
        await tx.quizQuestionCard.createMany({ data: cardLinks.map((cardId) => ({ questionId: row.id, cardId })) });
      }
      summary.questions.updated += 1;
      summary.writes += 1;
    } else {
      summary.questions.unchanged += 1;
    }
  }
  if (toCreate.length) {
    const created = await tx.quizQuestion.createManyAndReturn({ data: toCreate, select: { id: true, key: true } });
    const linkRows = created.flatMap((q) => (linksOf.get(q.key) ?? []).map((cardId) => ({ questionId: q.id, cardId })));
    if (linkRows.length) await tx.quizQuestionCard.createMany({ data: linkRows });
    summary.writes += 2;
  }
  const keep = new Set(items.map((i) => i.id));
  const gone = existing.filter((q) => !keep.has(q.key) && !q.retiredAt).map((q) => q.id);
  if (gone.length) {
    await tx.quizQuestion.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
    summary.questions.retired += gone.length;
    summary.writes += 1;
  }
}

function group<T extends { noteSlug: string }>(items: T[]): Map<string, T[]> {
  return groupBy(items, (i) => i.noteSlug);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
