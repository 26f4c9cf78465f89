BEGIN;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "sourceHash" TEXT NOT NULL DEFAULT '';

COMMIT;
