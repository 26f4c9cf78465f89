BEGIN;

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "source" JSONB;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "source" JSONB;

COMMIT;
