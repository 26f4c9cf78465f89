BEGIN;

-- CreateIndex (hand-edited: INCLUDE, so the walk through the notes in order is index-only)
CREATE INDEX "Paper_sortKey_id_idx" ON "Paper"("sortKey", "id") INCLUDE ("slug", "title", "area", "retiredAt");

-- CreateIndex
CREATE INDEX "Paper_updatedAt_idx" ON "Paper"("updatedAt");

-- Hand-written (Prisma cannot express INCLUDE or partial indexes):
-- * The queue index keeps its name and key and carries every column the queue reads of a
--   state, so today's (re)learning and due cards, the due ones ranked by t/S, are read from the
--   index alone (no heap fetch per due card, however large the backlog). The state's columns
--   change with every answer, as `due` does, so this costs no HOT update that was possible.
-- * The retired cards, few, in an index of their own: the queue leaves them out with one hash
--   lookup per state instead of a join to "Card" per state.

-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due")
  INCLUDE ("cardId", "version", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview");

-- CreateIndex
CREATE INDEX "Card_retired_idx" ON "Card"("id") WHERE "retiredAt" IS NOT NULL;

COMMIT;
