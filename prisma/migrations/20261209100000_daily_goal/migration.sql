BEGIN;

-- AlterTable: an optional daily goal (reviews or minutes a study day), off by default.
ALTER TABLE "UserSettings" ADD COLUMN IF NOT EXISTS "dailyGoalKind" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN IF NOT EXISTS "dailyGoal" INTEGER NOT NULL DEFAULT 0;

COMMIT;
