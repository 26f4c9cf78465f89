-- Importing the same .md again updates the note it made (issue 17): the file's slug is kept.
ALTER TABLE "Paper" ADD COLUMN IF NOT EXISTS "importSlug" TEXT;

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Paper_ownerId_importSlug_idx" ON "Paper"("ownerId", "importSlug");
