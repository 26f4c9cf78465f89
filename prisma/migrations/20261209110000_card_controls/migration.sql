BEGIN;

-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "leechSuspend" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8;

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "flag" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CardAction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "previous" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CardAction_userId_clientId_cardId_key" ON "CardAction"("userId", "clientId", "cardId");

-- AddForeignKey
ALTER TABLE "CardAction" ADD CONSTRAINT "CardAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardAction" ADD CONSTRAINT "CardAction_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the queue index carries the two controls the queue filters on, so today's
-- candidates are still read from the index alone (see review_queue_overdue_key).
DROP INDEX "CardState_userId_state_due_idx";
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due")
  INCLUDE ("cardId", "version", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "overdueRate", "overdueOffset", "suspended", "buriedUntil");

COMMIT;
