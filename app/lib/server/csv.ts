import "#server-only";
import { Parser, type Options } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { yieldToEventLoop } from "./time-slices";

/** One record of a CSV file: its cells and the line it ends on (1-based, as an editor counts). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * ~1–2 ms of parsing per chunk (the time-slice budget of time-slices.ts): a 60,000-line file
 * then delays other requests of this process by one chunk at a time, not by its whole parse.
 */
const CHUNK_CHARS = 8_192;

/** A file the reader could not read past (an unclosed quote, a stray quote inside a field). */
export interface CsvFailure {
  line: number;
  message: string;
}

/**
 * Reads a CSV as RFC 4180 says (quoted fields with commas, quotes and line breaks; CRLF or LF; a
 * leading byte-order mark), in chunks with the event loop let through between them. Rows may
 * have any number of cells (the caller says what is missing); blank lines are skipped but still
 * counted, so `line` is the line an editor shows. Malformed quoting stops the read: the records
 * before it come back with the failure.
 */
export async function readCsvRecords(text: string): Promise<{ records: CsvRecord[]; failure: CsvFailure | null }> {
  const records: CsvRecord[] = [];
  let failure: CsvFailure | null = null;
  for await (const batch of csvRecordBatches(text, Number.POSITIVE_INFINITY)) {
    records.push(...batch.records);
    failure = batch.failure;
  }
  return { records, failure };
}

/**
 * The same read as `readCsvRecords`, handed out in batches of about `size` records as the text is
 * read, so a caller can start on the first lines (validate them, send them to PostgreSQL) while
 * the rest is still being parsed. The last batch (possibly empty) carries the failure, if any.
 */
export async function* csvRecordBatches(text: string, size: number): AsyncGenerator<{ records: CsvRecord[]; failure: CsvFailure | null }> {
  let records: CsvRecord[] = [];
  let lines = 0;
  const state: { failure: CsvFailure | null } = { failure: null };
  const options: Options<CsvRecord, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    on_record: (cells, context) => ({ line: context.lines, cells }),
  };
  // The typings give the stream class no record type: it reads back CsvRecords.
  const parser = new Parser(options as unknown as Options);
  parser.on("readable", () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) {
      records.push(record);
      lines += 1;
    }
  });
  const finished = new Promise<void>((resolve) => {
    parser.once("end", resolve);
    parser.once("error", (error: Error & { lines?: number }) => {
      state.failure = { line: error.lines ?? lines + 1, message: error.message };
      resolve();
    });
  });
  for (let start = 0; start < text.length && !state.failure; start += CHUNK_CHARS) {
    parser.write(text.slice(start, start + CHUNK_CHARS));
    await yieldToEventLoop();
    if (records.length >= size && !state.failure) {
      const batch = records;
      records = [];
      yield { records: batch, failure: null };
    }
  }
  if (!state.failure) parser.end();
  await finished;
  yield { records, failure: state.failure };
}

/** Writes rows as CSV, quoting a cell only when it holds a comma, quote or line break. */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify([header, ...rows], { record_delimiter: "\n" });
}
