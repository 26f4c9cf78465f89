import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { db } from "../db";

/**
 * The new-card bound, `UserSettings.newCardsFrom`, has this one owner. Why it exists: today's
 * new cards are the first unstudied cards in the notes' order, and for a user who has studied
 * far into the corpus, finding them meant reading every note before (most of the queue's time
 * at 100,000 states). The bound is the sortKey of the first note that may still hold a new
 * card; the queue reads notes from it on (sql/review-queue.ts, `fresh`).
 *
 * It is trusted only while the content is as it was when it was learnt: `newCardsFromStamp`
 * is the content's stamp then (contentStampQuery; a note added or edited changes it, and the
 * bound is ignored until the queue learns it afresh). Otherwise it moves:
 * - up, by the queue, to the first note where it found a new card (`raiseNewCardsBound`);
 * - down, when new cards of earlier notes may become studiable again (`lowerNewCardsBound`):
 *   an undo that makes a card new again (review.ts), card controls (unsuspend, unbury, reset
 *   and their undo: card-controls.ts), a note added to the study set (study-set.ts);
 * - to 0 (`NEW_CARDS_BOUND_RESET`), when settings change what is studied (settings.ts) or
 *   an import writes states (user-data.ts).
 */

/** What to write with a settings change that may change what is studied: the bound starts over. */
export const NEW_CARDS_BOUND_RESET = { newCardsFrom: 0 } as const;

/** The bound to read new cards from, given the content's stamp now (0: not trusted, read all). */
export function newCardsBoundOf(settings: { newCardsFrom: number; newCardsFromStamp: string }, stamp: string): number {
  return stamp === settings.newCardsFromStamp ? settings.newCardsFrom : 0;
}

/**
 * Stores the bound the queue found (`first`, for the content `stamp`) if it changed, and only
 * if nobody lowered it meanwhile (an undo or a note added while this queue was read).
 */
export async function raiseNewCardsBound(
  userId: string,
  read: { newCardsFrom: number; newCardsFromStamp: string },
  first: number,
  stamp: string,
): Promise<void> {
  if (first === read.newCardsFrom && stamp === read.newCardsFromStamp) return;
  await db.userSettings.updateMany({
    where: { userId, newCardsFrom: read.newCardsFrom, newCardsFromStamp: read.newCardsFromStamp },
    data: { newCardsFrom: first, newCardsFromStamp: stamp },
  });
}

/** Runs the statement in the caller's transaction, or on its own. */
type Executor = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * New cards of these cards' notes, or of this note, may be studiable again: the queue must look
 * for new cards from the earliest of those notes on.
 */
export async function lowerNewCardsBound(
  tx: Executor,
  userId: string,
  from: { cardIds: string[] } | { paperId: string },
): Promise<void> {
  let first: Prisma.Sql;
  if ("paperId" in from) {
    first = Prisma.sql`SELECT "sortKey" FROM "Paper" WHERE id = ${from.paperId}`;
  } else {
    if (from.cardIds.length === 0) return;
    first = Prisma.sql`
      SELECT min(p."sortKey") FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE c.id = ANY(${from.cardIds}::text[])`;
  }
  await tx.$executeRaw(Prisma.sql`
    UPDATE "UserSettings" SET "newCardsFrom" = LEAST("newCardsFrom", (${first})) WHERE "userId" = ${userId}`);
}
