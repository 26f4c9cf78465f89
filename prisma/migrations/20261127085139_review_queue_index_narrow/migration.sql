BEGIN;

-- DropIndex
DROP INDEX "CardState_userId_state_due_stability_lastReview_cardId_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");

COMMIT;
