/**
 * Loads a validated corpus into PostgreSQL in one transaction.
 *
 * - Idempotent: rows are compared by content hash; an unchanged corpus causes no write.
 * - An edited card or question keeps its row id (matched by note + stable id), so every
 *   user's card state and review log stay attached to it.
 * - A card, question or note that left the content is retired (`retiredAt`), never deleted;
 *   retired cards drop out of review queues, their history stays.
 * - New rows are inserted in a few multi-row statements, so a 1,000-note corpus costs a handful
 *   of round trips rather than thousands. Notes are stored with their layout (blocks,
 *   headings) and rendered to HTML by the page, once, when it is first served.
 * - The caller never passes a corpus with errors: nothing is written unless all files are valid.
 * - The Chinese edition of a note, card or question is stored in the `zh` column of its row
 *   (migration `zh_text`), compared apart from contentHash like `source`: a Chinese-only edit
 *   updates the rows in place, keeps their ids and resets no one's review history.
 *
 * Not marked `server-only`: the command-line sync and the dev server run it under tsx.
 *
 * Split along its seams: the rows a note, card or question is stored as (content-sync-rows.ts),
 * the per-note item planning and a user's own note (content-sync-items.ts).
 */
import { Prisma, type PrismaClient } from "@/app/generated/prisma/client";
import type { CardItem, Corpus, QuizItem } from "@/app/lib/domain/content/types";
import { prerequisiteOrder, searchDocument, searchDocumentZh, searchTitle, withJoinedSpellings } from "@/app/lib/domain/content/note-order";
import { contentHash } from "@/app/lib/domain/content/content-hash";
import { cardData, paperData, paperZh, questionData } from "./content-sync-rows";
import { emptyCounts, groupBy, inChunks, ItemPlan, planItems, retire, type SyncSummary } from "./content-sync-items";

export async function syncCorpus(
  prisma: PrismaClient,
  corpus: Corpus,
  options: {
    onProgress?: (done: number, total: number) => void;
    now?: Date;
    /** slug → hash of the source file + pipeline, stored so an unchanged run can skip parsing. */
    sourceHashes?: Map<string, string>;
  } = {},
): Promise<SyncSummary> {
  if (corpus.errors.length) {
    throw new Error(`refusing to sync a corpus with ${corpus.errors.length} error(s)`);
  }
  const now = options.now ?? new Date();
  const summary: SyncSummary = { notes: emptyCounts(), cards: emptyCounts(), questions: emptyCounts(), writes: 0 };
  const order = prerequisiteOrder(corpus.notes);
  const cardsByNote = groupBy([...corpus.notes.flatMap((n) => n.cards), ...corpus.derived.cards], (i) => i.noteSlug);
  const questionsByNote = groupBy(
    [...corpus.notes.flatMap((n) => n.questions), ...corpus.derived.questions],
    (i) => i.noteSlug,
  );
  const total = corpus.notes.length;
  const zhBySlug = new Map(corpus.translations.map((t) => [t.slug, t]));
  // Corpus-wide: a note gains the joined spelling of a term other notes write as one word.
  const searchDocuments = withJoinedSpellings(
    new Map(corpus.notes.map((n) => [n.slug, searchDocument(n, cardsByNote.get(n.slug) ?? [], questionsByNote.get(n.slug) ?? [])])),
  );

  await prisma.$transaction(
    async (tx) => {
      // The corpus only: users' own notes (ownerId set, issue 17) are never the sync's to retire.
      const papers = await tx.paper.findMany({ where: { ownerId: null }, select: { id: true, slug: true, contentHash: true, retiredAt: true } });
      const paperBySlug = new Map(papers.map((p) => [p.slug, p]));

      // ------------------------------------------------------------ notes
      const newPapers: Prisma.PaperCreateManyInput[] = [];
      for (const note of corpus.notes) {
        const sortKey = order.get(note.slug) ?? 0;
        const cards = cardsByNote.get(note.slug) ?? [];
        const questions = questionsByNote.get(note.slug) ?? [];
        const search = searchDocuments.get(note.slug) ?? "";
        const sourceHash = options.sourceHashes?.get(note.slug) ?? "";
        const localized = zhBySlug.get(note.slug);
        const zh = paperZh(localized);
        // The Chinese search columns: empty (and out of the hash) for an English-only corpus.
        const chinese = localized ? { searchTitle: searchTitle(localized), searchTextZh: searchDocumentZh(localized, cards, questions) } : null;
        const hash = contentHash({ file: note.hash, sortKey, search, sourceHash, zh, ...(chinese ?? {}) });
        const existing = paperBySlug.get(note.slug);
        const data = {
          ...paperData(note, sortKey, search),
          searchTitle: chinese?.searchTitle ?? "",
          searchTextZh: chinese?.searchTextZh ?? "",
          zh: zh ?? Prisma.DbNull,
          contentHash: hash,
          sourceHash,
        };
        if (!existing) {
          newPapers.push(data);
          summary.notes.added += 1;
        } else if (existing.contentHash !== hash || existing.retiredAt) {
          await tx.paper.update({ where: { id: existing.id }, data: { ...data, retiredAt: null } });
          summary.notes.updated += 1;
          summary.writes += 1;
        } else {
          summary.notes.unchanged += 1;
        }
      }
      if (newPapers.length) {
        const created = await inChunks(newPapers, (data) =>
          tx.paper.createManyAndReturn({ data, select: { id: true, slug: true, contentHash: true, retiredAt: true } }),
        );
        for (const p of created) paperBySlug.set(p.slug, p);
        summary.writes += 1;
      }

      // ------------------------------------------------------------ cards and questions
      const existingCards = groupBy(
        await tx.card.findMany({
          where: { paper: { ownerId: null } },
          select: { id: true, paperId: true, key: true, contentHash: true, source: true, zh: true, retiredAt: true, position: true },
        }),
        (c) => c.paperId,
      );
      const existingQuestions = groupBy(
        await tx.quizQuestion.findMany({
          where: { paper: { ownerId: null } },
          select: { id: true, paperId: true, key: true, contentHash: true, source: true, zh: true, answer: true, retiredAt: true, position: true },
        }),
        (q) => q.paperId,
      );
      const cardPlan = new ItemPlan<Prisma.CardCreateManyInput>();
      const questionPlan = new ItemPlan<Prisma.QuizQuestionCreateManyInput>();
      const cardIdsByPaper = new Map<string, Map<string, string>>();
      const linksWanted: { paperId: string; questionKey: string; cardKeys: string[] }[] = [];
      let done = 0;
      for (const note of corpus.notes) {
        const paper = paperBySlug.get(note.slug);
        if (!paper) throw new Error(`note ${note.slug} has no row after insert`);
        const cardIds = new Map<string, string>();
        cardIdsByPaper.set(paper.id, cardIds);
        const zh = zhBySlug.get(note.slug);
        const toCard = (item: CardItem, position: number) => cardData(item, position, zh);
        const toQuestion = (item: QuizItem, position: number) => questionData(item, position, zh);
        await planItems(tx, "card", paper.id, cardsByNote.get(note.slug) ?? [], existingCards.get(paper.id) ?? [], toCard, cardPlan, summary.cards, summary, cardIds);
        const questionIds = new Map<string, string>();
        const questions = questionsByNote.get(note.slug) ?? [];
        const changed = await planItems(tx, "quizQuestion", paper.id, questions, existingQuestions.get(paper.id) ?? [], toQuestion, questionPlan, summary.questions, summary, questionIds);
        for (const q of questions) {
          if (changed.has(q.id)) linksWanted.push({ paperId: paper.id, questionKey: q.id, cardKeys: q.cardKeys });
        }
        done += 1;
        options.onProgress?.(done, total);
      }
      if (cardPlan.creates.length) {
        const created = await inChunks(cardPlan.creates, (data) => tx.card.createManyAndReturn({ data, select: { id: true, key: true, paperId: true } }));
        for (const c of created) cardIdsByPaper.get(c.paperId)?.set(c.key, c.id);
        summary.writes += 1;
      }
      const questionIds = new Map<string, string>();
      for (const [paperId, list] of existingQuestions) for (const q of list) questionIds.set(`${paperId}/${q.key}`, q.id);
      if (questionPlan.creates.length) {
        const created = await inChunks(questionPlan.creates, (data) =>
          tx.quizQuestion.createManyAndReturn({ data, select: { id: true, key: true, paperId: true } }),
        );
        for (const q of created) questionIds.set(`${q.paperId}/${q.key}`, q.id);
        summary.writes += 1;
      }
      await retire(tx, "card", cardPlan.retire, now, summary);
      await retire(tx, "quizQuestion", questionPlan.retire, now, summary);

      // Links between a changed question and the cards testing the same idea.
      if (linksWanted.length) {
        const changedIds = linksWanted.map((l) => questionIds.get(`${l.paperId}/${l.questionKey}`)).filter((id): id is string => Boolean(id));
        await tx.quizQuestionCard.deleteMany({ where: { questionId: { in: changedIds } } });
        const rows = linksWanted.flatMap((l) => {
          const questionId = questionIds.get(`${l.paperId}/${l.questionKey}`);
          const cardIds = cardIdsByPaper.get(l.paperId);
          return l.cardKeys
            .map((key) => cardIds?.get(key.slice(key.indexOf("/") + 1)))
            .filter((cardId): cardId is string => Boolean(cardId && questionId))
            .map((cardId) => ({ questionId: questionId as string, cardId }));
        });
        if (rows.length) await inChunks(rows, async (data) => [await tx.quizQuestionCard.createMany({ data, skipDuplicates: true })]);
        summary.writes += 2;
      }

      // ------------------------------------------------------------ notes that left the content
      const present = new Set(corpus.notes.map((n) => n.slug));
      for (const paper of papers) {
        if (present.has(paper.slug) || paper.retiredAt) continue;
        await tx.paper.update({ where: { id: paper.id }, data: { retiredAt: now } });
        const c = await tx.card.updateMany({ where: { paperId: paper.id, retiredAt: null }, data: { retiredAt: now } });
        const q = await tx.quizQuestion.updateMany({ where: { paperId: paper.id, retiredAt: null }, data: { retiredAt: now } });
        summary.notes.retired += 1;
        summary.cards.retired += c.count;
        summary.questions.retired += q.count;
        summary.writes += 3;
      }
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return summary;
}
