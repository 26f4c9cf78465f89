import "#server-only";
import { csvColumnIndex, parseReviewCsvRecord, type CsvRow, type ImportError } from "@/app/lib/schemas/review";
import { readCsvRecords } from "../csv";
import { forEachSliced } from "../time-slices";

/**
 * Reads the file as CSV (quoted fields included) and validates every record, in time slices
 * (60,000 lines of zod take most of a second). Throws CsvHeaderError when the first record does
 * not name the five columns.
 */
export async function parseReviewCsv(text: string): Promise<{ rows: { line: number; row: CsvRow }[]; errors: ImportError[] }> {
  const { records, failure } = await readCsvRecords(text);
  const index = csvColumnIndex(records[0]?.cells ?? []);
  const rows: { line: number; row: CsvRow }[] = [];
  const errors: ImportError[] = failure ? [{ line: failure.line, message: `not readable as CSV: ${failure.message}` }] : [];
  await forEachSliced(records, ({ line, cells }, i) => {
    if (i === 0) return;
    const parsed = parseReviewCsvRecord(cells, index);
    if (parsed.ok) rows.push({ line, row: parsed.row });
    else errors.push({ line, message: parsed.message });
  });
  return { rows, errors };
}
