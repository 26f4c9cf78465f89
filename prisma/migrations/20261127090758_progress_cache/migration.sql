BEGIN;

-- CreateTable
CREATE TABLE "ProgressCache" (
    "userId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "dayStartHour" INTEGER NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "logCount" INTEGER NOT NULL,
    "days" JSONB NOT NULL,
    "curve" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressCache_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "ProgressCache" ADD CONSTRAINT "ProgressCache_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express INCLUDE): the two ReviewLog indexes keep their names
-- and keys and gain the columns the progress dashboard reads, so its scans are index-only.

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt") INCLUDE ("state", "rating", "durationMs", "elapsedDays", "stability");

-- DropIndex
DROP INDEX "ReviewLog_userId_cardId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_cardId_reviewedAt_idx" ON "ReviewLog"("userId", "cardId", "reviewedAt") INCLUDE ("state", "rating", "scheduledDays");

COMMIT;
