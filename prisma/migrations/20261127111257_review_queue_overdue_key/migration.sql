BEGIN;

-- Hand-written (Prisma cannot express generated columns or INCLUDE). The queue ranks today's
-- due reviews by t/S, elapsed time over stability, which orders them as retrievability does.
-- t/S = (now - lastReview) / S = now * (1 / S) - lastReview / S: two per-card numbers that
-- do not depend on the time, kept by PostgreSQL itself at every write (so no write path can
-- forget them), and carried by the queue index, so the ranking is one multiply-subtract per
-- due card instead of timestamp and interval arithmetic. Seconds since 1970 (the columns
-- hold UTC), stability floored as the old expression did.
ALTER TABLE "CardState" ADD COLUMN "overdueRate" DOUBLE PRECISION
  GENERATED ALWAYS AS (1.0 / GREATEST("stability", 0.001)) STORED;
ALTER TABLE "CardState" ADD COLUMN "overdueOffset" DOUBLE PRECISION
  GENERATED ALWAYS AS (date_part('epoch', COALESCE("lastReview", "due")) / GREATEST("stability", 0.001)) STORED;

-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due")
  INCLUDE ("cardId", "version", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "overdueRate", "overdueOffset");

COMMIT;
