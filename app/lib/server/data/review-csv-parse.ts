import "#server-only";
import { csvColumnIndex, parseReviewCsvRecord, type CsvRow, type ImportError } from "@/app/lib/schemas/review";
import { csvRecordBatches } from "../csv";
import { forEachSliced } from "../time-slices";

/** Validated lines of a review CSV, with their line numbers, and the lines that are not valid. */
export interface ReviewCsvBatch {
  rows: { line: number; row: CsvRow }[];
  errors: ImportError[];
}

/**
 * Reads the file as CSV (quoted fields included) and validates every record, in time slices
 * (60,000 lines of zod take most of a second). Throws CsvHeaderError when the first record does
 * not name the five columns.
 */
export async function parseReviewCsv(text: string): Promise<ReviewCsvBatch> {
  const all: ReviewCsvBatch = { rows: [], errors: [] };
  for await (const { rows, errors } of reviewCsvBatches(text, Number.POSITIVE_INFINITY)) {
    all.rows.push(...rows);
    all.errors.push(...errors);
  }
  return all;
}

/**
 * The same reading and validation, handed out in batches of about `size` records as the file is
 * read: an import sends one batch to PostgreSQL while the next is parsed and validated. The
 * header is checked before the first batch comes out (CsvHeaderError).
 */
export async function* reviewCsvBatches(text: string, size: number): AsyncGenerator<ReviewCsvBatch> {
  let index: ReturnType<typeof csvColumnIndex> | null = null;
  for await (const { records, failure } of csvRecordBatches(text, size)) {
    // The first record of the file is the header: checked (throws) and not validated as a line.
    const first = index === null ? 1 : 0;
    const columns = (index ??= csvColumnIndex(records[0]?.cells ?? []));
    const batch: ReviewCsvBatch = { rows: [], errors: [] };
    await forEachSliced(records, ({ line, cells }, i) => {
      if (i < first) return;
      const parsed = parseReviewCsvRecord(cells, columns);
      if (parsed.ok) batch.rows.push({ line, row: parsed.row });
      else batch.errors.push({ line, message: parsed.message });
    });
    if (failure) batch.errors.push({ line: failure.line, message: `not readable as CSV: ${failure.message}` });
    yield batch;
  }
}
