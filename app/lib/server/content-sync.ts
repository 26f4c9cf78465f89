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
 */
import { Prisma, type PrismaClient } from "@/app/generated/prisma/client";
import type { CardItem, Corpus, ItemSource, LocalizedNote, ParsedNote, QuizItem } from "@/app/lib/domain/content/types";
import { prerequisiteOrder, searchDocument, searchDocumentZh, searchTitle, withJoinedSpellings } from "@/app/lib/domain/content/note-order";
import { canonicalJson, contentHash } from "@/app/lib/domain/content/content-hash";
import type { NoteLayout } from "@/app/lib/schemas/rendered-note";
import type { StoredCardZh, StoredPaperZh, StoredQuestionZh } from "@/app/lib/schemas/translation";

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

type Tx = Prisma.TransactionClient;

/** Rows a multi-row INSERT may carry before PostgreSQL's 65,535-parameter limit comes near. */
const CHUNK = 1000;

async function inChunks<T, R>(items: T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

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
function paperZh(zh: LocalizedNote | undefined): StoredPaperZh | null {
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

function cardData(item: CardItem, position: number, zh?: LocalizedNote) {
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

function questionData(item: QuizItem, position: number, zh?: LocalizedNote) {
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
function unhashed(source: unknown, zh: unknown, answer?: unknown): string {
  const chineseAnswers = answer !== null && typeof answer === "object" && "zh" in answer ? answer.zh : null;
  return canonicalJson([source ?? null, zh ?? null, chineseAnswers ?? null]);
}

function unhashedOfData(data: { source: unknown; zh: unknown; answer?: unknown }): string {
  const plain = (value: unknown) => (value === Prisma.DbNull ? null : value);
  return unhashed(plain(data.source), plain(data.zh), data.answer);
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

class ItemPlan<C> {
  creates: C[] = [];
  retire: string[] = [];
}

/**
 * Compares one note's items with its rows: queues inserts and retirements, updates changed rows
 * in place (keeping their ids). Returns the ids (item ids) that were added or changed.
 */
async function planItems<I extends CardItem | QuizItem, C>(
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

async function retire(tx: Tx, model: "card" | "quizQuestion", ids: string[], now: Date, summary: SyncSummary) {
  if (!ids.length) return;
  if (model === "card") await tx.card.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
  else await tx.quizQuestion.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
  summary.writes += 1;
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
