BEGIN;

-- AlterTable: Anki's "bury siblings", on by default.
ALTER TABLE "UserSettings" ADD COLUMN     "buryClozeSiblings" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "buryReverseSiblings" BOOLEAN NOT NULL DEFAULT true;

COMMIT;
