BEGIN;

-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "newCardsFrom" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "newCardsFromStamp" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_stability_lastReview_cardId_idx" ON "CardState"("userId", "state", "due", "stability", "lastReview", "cardId");

COMMIT;
