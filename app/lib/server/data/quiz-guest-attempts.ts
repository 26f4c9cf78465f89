import "#server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { quizOwnerWhere, type QuizOwner } from "./quiz-attempt-owner";
import { bringCardsForward } from "./quiz-attempt-answer";

/** Quiz attempts of guests: claimed by the user who signs in, and dropping an unfinished attempt. */

/**
 * Gives a guest's attempts to the user who just signed in (the guest token is the proof: it
 * lives in an httpOnly cookie), and brings forward the cards linked to the questions missed in
 * them, as if the user had been signed in while answering. Idempotent.
 */
export async function claimGuestAttempts(userId: string, guestToken: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.findMany({ where: { guestToken, userId: null }, select: { id: true } });
    if (attempts.length === 0) return 0;
    const ids = attempts.map((a) => a.id);
    await tx.quizAttempt.updateMany({ where: { id: { in: ids }, userId: null }, data: { userId, guestToken: null } });
    const missed = await tx.quizQuestionCard.findMany({
      where: { question: { answers: { some: { attemptId: { in: ids }, correct: false } } } },
      select: { cardId: true },
    });
    await bringCardsForward(tx, userId, [...new Set(missed.map((m) => m.cardId))], now);
    return ids.length;
  });
}

/**
 * Drops an unfinished attempt from "Carry on" (its answers go with it; what a missed answer
 * did to the linked cards' schedule stays). A finished attempt is history and stays.
 */
export async function discardQuizAttempt(owner: QuizOwner, attemptId: string): Promise<void> {
  const { count } = await db.quizAttempt.deleteMany({ where: { id: attemptId, finishedAt: null, ...quizOwnerWhere(owner) } });
  if (count === 0) throw new NotFoundError("There is no such unfinished quiz.");
}
