BEGIN;

-- AlterTable: FSRS's long-term-only mode (ts-fsrs enable_short_term = false) when false.
ALTER TABLE "UserSettings" ADD COLUMN     "enableShortTerm" BOOLEAN NOT NULL DEFAULT true;

COMMIT;
