BEGIN;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '';

-- Chinese search (issue 16): PostgreSQL cannot split Chinese into words, so the sync stores the
-- Chinese text cut into words (Intl.Segmenter) in "searchText" and the Chinese title and
-- introduced ideas in "searchTitle", which joins the English title at weight A.
-- The document is now a stored generated column, indexed, instead of an expression index: the
-- query ranked every match by computing to_tsvector over its whole text again (and on a small
-- table matched by a sequential scan computing it for every note), which the Chinese text made
-- twice as long. Hand-written: Prisma has no generated columns.
DROP INDEX "Paper_search_idx";
ALTER TABLE "Paper" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "short" || ' ' || "title" || ' ' || "searchTitle"), 'A') ||
  setweight(to_tsvector('english', "searchText"), 'B')
) STORED;
CREATE INDEX "Paper_search_idx" ON "Paper" USING GIN ("searchVector");

COMMIT;
