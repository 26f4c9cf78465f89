BEGIN;

-- The own notes of users (issue 17) live in Paper/Card/QuizQuestion beside the corpus: ownerId NULL is
-- the corpus. Only own notes use source and deletedAt.
ALTER TABLE "Paper" ADD COLUMN IF NOT EXISTS "ownerId" TEXT;
ALTER TABLE "Paper" ADD COLUMN IF NOT EXISTS "source" TEXT;
ALTER TABLE "Paper" ADD COLUMN IF NOT EXISTS "status" TEXT NOT NULL DEFAULT 'valid';
ALTER TABLE "Paper" ADD COLUMN IF NOT EXISTS "deletedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Paper_ownerId_sortKey_idx" ON "Paper"("ownerId", "sortKey");

-- AddForeignKey (RESTRICT: deleting an account deletes its notes first, with the history of their cards
-- (see deleteAccountAndData)
ALTER TABLE "Paper" DROP CONSTRAINT IF EXISTS "Paper_ownerId_fkey";
ALTER TABLE "Paper" ADD CONSTRAINT "Paper_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
