import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { describeWeightsMigration, FSRS6_PARAMETER_COUNT, migrateWeights } from "@/app/lib/domain/scheduling";
import type { UserDataFile } from "@/app/lib/schemas/user-data";
import { db, prismaExecute } from "../db";
import { forEachSliced, yieldToEventLoop } from "../time-slices";
import { parseUserDataSliced } from "./user-data-validation";
import {
  insertCardStates,
  insertReviewLogs,
  LOG_BATCH,
  setCardControls,
  updateCardStates,
  type CardControls,
  type CardStateFields,
  type ReviewLogRow,
} from "./user-data-writes";
import { visibleItems, visiblePapers } from "./visibility";
import { removeRestoredOwnNotes, renameNotesInFile, restoreOwnNotesFromFile } from "./user-data-own-notes";
import { NEW_CARDS_BOUND_RESET } from "../sql/new-cards-bound";

/** Quiz answers per createMany. */
const PAGE = 5000;
type Json = Prisma.InputJsonValue;

export interface ImportSummary {
  settings: "replaced" | "unchanged" | "none";
  /** Set when the file's weights were FSRS-4.5's or FSRS-5's (or out of range): what was done. */
  weights?: string;
  studySet: { added: number };
  cardStates: { added: number; updated: number; unchanged: number };
  reviewLogs: { added: number; alreadyThere: number };
  quizAttempts: { added: number; alreadyThere: number };
  /** What could not be imported, with the reason. */
  skipped: { unknownCards: number; unknownNotes: number; unknownQuestions: number; attemptsOfAnotherAccount: number };
  /** Set when the file holds own notes: created, already there, created under a new slug (another note had theirs). */
  ownNotes?: { added: number; alreadyThere: number; renamed: number };
}

const itemKey = (note: string, key: string) => `${note}\u0000${key}`;

/** A newer state wins: the later last review, then more repetitions. Equal states are left alone. */
function isNewer(
  incoming: { lastReview: Date | null; reps: number },
  current: { lastReview: Date | null; reps: number },
): boolean {
  const a = incoming.lastReview?.getTime() ?? -Infinity;
  const b = current.lastReview?.getTime() ?? -Infinity;
  return a !== b ? a > b : incoming.reps > current.reps;
}

function sameSettings(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * Imports a parsed export into the user's account, in one transaction (a failure leaves the
 * account as it was). Settings are replaced; the study set, review log and quiz attempts are
 * merged (what is there stays, what is missing is added); a card state is written when there
 * is none or the file's is newer. Cards, notes and questions this instance does not have are
 * counted and skipped, and so are quiz attempts whose id another account owns.
 */
export async function importUserData(userId: string, file: UserDataFile): Promise<ImportSummary> {
  if (!file.ownNotes?.length) return importHistory(userId, file);
  // Own notes first (their own transaction: the history's maps are built from what exists),
  // removed again if the rest fails, so a failure still leaves the account as it was.
  const restored = await restoreOwnNotesFromFile(userId, file.ownNotes, new Date());
  try {
    return { ...(await importHistory(userId, renameNotesInFile(file, restored.rename))), ownNotes: restored.summary };
  } catch (error) {
    await removeRestoredOwnNotes(userId, restored);
    throw error;
  }
}

async function importHistory(userId: string, file: UserDataFile): Promise<ImportSummary> {
  const now = new Date();
  // Only what the user may see: a file naming another user's note matches nothing (issue 17).
  const [cards, questions, papers] = await Promise.all([
    db.card.findMany({ where: visibleItems(userId), select: { id: true, key: true, paper: { select: { slug: true } } } }),
    db.quizQuestion.findMany({ where: visibleItems(userId), select: { id: true, key: true, paper: { select: { slug: true } } } }),
    db.paper.findMany({ where: visiblePapers(userId), select: { id: true, slug: true } }),
  ]);
  const cardId = new Map(cards.map((c) => [itemKey(c.paper.slug, c.key), c.id]));
  const questionId = new Map(questions.map((q) => [itemKey(q.paper.slug, q.key), q.id]));
  const paperId = new Map(papers.map((p) => [p.slug, p.id]));
  const summary: ImportSummary = {
    settings: "none",
    studySet: { added: 0 },
    cardStates: { added: 0, updated: 0, unchanged: 0 },
    reviewLogs: { added: 0, alreadyThere: 0 },
    quizAttempts: { added: 0, alreadyThere: 0 },
    skipped: { unknownCards: 0, unknownNotes: 0, unknownQuestions: 0, attemptsOfAnotherAccount: 0 },
  };

  // The review log's rows, built before the transaction (in time slices: it may be 100,000 entries).
  const logRows: ReviewLogRow[][] = [];
  let logCount = 0;
  await forEachSliced(file.reviewLogs, (l) => {
    const id = cardId.get(itemKey(l.note, l.card));
    if (!id) {
      summary.skipped.unknownCards += 1;
      return;
    }
    const { note: _note, card: _card, ...fields } = l;
    let batch = logRows[logRows.length - 1];
    if (!batch || batch.length >= LOG_BATCH) logRows.push((batch = []));
    batch.push({ ...fields, cardId: id });
    logCount += 1;
  });

  // Weights of FSRS-4.5 (17) or FSRS-5 (19), e.g. from Anki, are stored as FSRS-6's 21.
  let settings = file.settings;
  if (settings && settings.parameters.length > 0) {
    const migration = migrateWeights(settings.parameters);
    if (migration.from !== FSRS6_PARAMETER_COUNT || migration.clipped.length > 0) {
      summary.weights = describeWeightsMigration(migration);
    }
    settings = { ...settings, parameters: migration.weights };
  }

  await db.$transaction(
    async (tx) => {
      // ------------------------------------------------------------ settings
      if (settings) {
        const current = await tx.userSettings.findUnique({ where: { userId } });
        if (current && sameSettings(settings, current)) summary.settings = "unchanged";
        else {
          await tx.userSettings.upsert({
            where: { userId },
            create: { userId, ...settings },
            update: { ...settings, ...NEW_CARDS_BOUND_RESET },
          });
          summary.settings = "replaced";
        }
      }

      // ------------------------------------------------------------ study set
      const setRows = file.studySet.flatMap((s) => {
        const id = paperId.get(s.note);
        if (!id) summary.skipped.unknownNotes += 1;
        return id ? [{ userId, paperId: id, addedAt: s.addedAt }] : [];
      });
      summary.studySet.added = (await tx.studySetPaper.createMany({ data: setRows, skipDuplicates: true })).count;

      // ------------------------------------------------------------ card states
      const existing = new Map(
        (await tx.cardState.findMany({ where: { userId }, select: { cardId: true, lastReview: true, reps: true, version: true } })).map(
          (s) => [s.cardId, s],
        ),
      );
      const creates = new Map<string, CardStateFields>();
      const updates = new Map<string, CardStateFields & { version: number }>();
      const controls = new Map<string, CardControls>();
      for (const s of file.cardStates) {
        const id = cardId.get(itemKey(s.note, s.card));
        if (!id) {
          summary.skipped.unknownCards += 1;
          continue;
        }
        const { note: _note, card: _card, suspended, buriedUntil, flag, leech, ...fields } = s;
        const current = existing.get(id);
        // The controls go with the state they were set on: written when the state is.
        if (!current || isNewer(s, current)) controls.set(id, { suspended, buriedUntil, flag, leech });
        if (!current) {
          creates.set(id, fields);
          existing.set(id, { cardId: id, lastReview: s.lastReview, reps: s.reps, version: 0 });
        } else if (isNewer(s, current)) {
          // A new version: a review session showing the old state gets a conflict, not a silent overwrite.
          updates.set(id, { ...fields, version: current.version + 1 });
          existing.set(id, { ...current, lastReview: s.lastReview, reps: s.reps });
          summary.cardStates.updated += 1;
        } else summary.cardStates.unchanged += 1;
      }
      summary.cardStates.added = await insertCardStates(prismaExecute(tx), userId, creates, now);
      await updateCardStates(prismaExecute(tx), userId, updates, now);
      await setCardControls(prismaExecute(tx), userId, controls);

      // ------------------------------------------------------------ review log
      for (const [i, rows] of logRows.entries()) {
        summary.reviewLogs.added += await insertReviewLogs(prismaExecute(tx), userId, rows, now);
        // Between batches, not inside one: the statements themselves wait on PostgreSQL, not on this process.
        if (i < logRows.length - 1) await yieldToEventLoop();
      }
      summary.reviewLogs.alreadyThere = logCount - summary.reviewLogs.added;

      // ------------------------------------------------------------ quiz attempts
      const owners = new Map(
        (
          await tx.quizAttempt.findMany({
            where: { id: { in: file.quizAttempts.map((a) => a.id) } },
            select: { id: true, userId: true },
          })
        ).map((a) => [a.id, a.userId]),
      );
      const attemptRows: Prisma.QuizAttemptCreateManyInput[] = [];
      const answerRows: Prisma.QuizAnswerCreateManyInput[] = [];
      for (const a of file.quizAttempts) {
        if (owners.has(a.id)) {
          if (owners.get(a.id) === userId) summary.quizAttempts.alreadyThere += 1;
          else summary.skipped.attemptsOfAnotherAccount += 1;
          continue;
        }
        const ids = a.questions.map((q) => questionId.get(itemKey(q.note, q.question)));
        const answerIds = a.answers.map((x) => questionId.get(itemKey(x.note, x.question)));
        if (ids.some((id) => !id) || answerIds.some((id) => !id)) {
          summary.skipped.unknownQuestions += 1;
          continue;
        }
        attemptRows.push({
          id: a.id,
          userId,
          scope: (a.scope ?? {}),
          title: a.title,
          seed: a.seed,
          mode: a.mode,
          questionIds: ids.filter((id): id is string => Boolean(id)),
          score: a.score,
          startedAt: a.startedAt,
          finishedAt: a.finishedAt,
          parentId: a.parentId,
        });
        a.answers.forEach((x, i) => {
          answerRows.push({
            attemptId: a.id,
            questionId: answerIds[i] ?? "",
            response: (x.response ?? null) as Json,
            score: x.score,
            correct: x.correct,
            timeMs: x.timeMs,
            answeredAt: x.answeredAt,
          });
        });
      }
      summary.quizAttempts.added = (await tx.quizAttempt.createMany({ data: attemptRows, skipDuplicates: true })).count;
      for (let i = 0; i < answerRows.length; i += PAGE) {
        await tx.quizAnswer.createMany({ data: answerRows.slice(i, i + PAGE), skipDuplicates: true });
      }
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return summary;
}

/**
 * Validates a parsed JSON export whole (the schema the settings form and the scheduler use) and
 * imports it, or reports every bad entry (`cardStates[3].stability: must be at most 36500`)
 * and writes nothing.
 */
export async function importUserDataJson(
  userId: string,
  json: unknown,
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; errors: string[] }> {
  const parsed = await parseUserDataSliced(json);
  if (!parsed.ok) return parsed;
  return { ok: true, summary: await importUserData(userId, parsed.data) };
}
