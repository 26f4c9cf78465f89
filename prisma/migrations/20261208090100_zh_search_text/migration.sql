BEGIN;

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "searchTextZh" TEXT NOT NULL DEFAULT '';

-- The Chinese search document gets its own column (the sync no longer appends it to
-- "searchText"): a snippet then parses one language's text, half as long, and shows the reader's
-- language. The generated document and its index take the new column in, at weight B.
-- (Named after 20261208090000_password_reset, merged before it: migrations apply in name order.)
DROP INDEX "Paper_search_idx";
ALTER TABLE "Paper" DROP COLUMN "searchVector";
ALTER TABLE "Paper" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "short" || ' ' || "title" || ' ' || "searchTitle"), 'A') ||
  setweight(to_tsvector('english', "searchText" || ' ' || "searchTextZh"), 'B')
) STORED;
CREATE INDEX "Paper_search_idx" ON "Paper" USING GIN ("searchVector");

COMMIT;
