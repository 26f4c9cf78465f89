BEGIN;

-- CreateTable
CREATE TABLE "RescheduleLog" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "dueBefore" TIMESTAMP(3) NOT NULL,
    "dueAfter" TIMESTAMP(3) NOT NULL,
    "scheduledDaysBefore" INTEGER NOT NULL,
    "scheduledDaysAfter" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RescheduleLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RescheduleLog_userId_cardId_at_idx" ON "RescheduleLog"("userId", "cardId", "at");

-- AddForeignKey
ALTER TABLE "RescheduleLog" ADD CONSTRAINT "RescheduleLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RescheduleLog" ADD CONSTRAINT "RescheduleLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
