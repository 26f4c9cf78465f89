BEGIN;

-- The Chinese edition of the content (issue 16, docs/translation.md), as a nullable JSONB column
-- on the rows it translates rather than a translation table:
-- - a card is one card in both languages: its review history (CardState, ReviewLog) hangs on the
--   one Card row, and the Chinese text is read from that same row, by the queries that read the
--   English text, with no join and no second lookup per card in the review queue,
-- - the localized fields are written and read whole, never queried inside, and differ per model
--   (a card's sides, a question's prompt, choices and explanation, a note's body and layout), which
--   one JSON object per row holds without a table per model or a column per field,
-- - two languages, English the master: the English text keeps its typed columns, NULL means no
--   Chinese edition (an English-only corpus), and a third language would be a third column.
-- (No semicolon in these comments: the migration runner splits statements at each one.)
-- The sync compares these columns apart from contentHash, like "source": a Chinese-only edit
-- updates the rows in place and resets no one's review history.

-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "zh" JSONB;

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "zh" JSONB;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "zh" JSONB;

COMMIT;
