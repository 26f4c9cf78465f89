/**
 * What a note's text must be before it is parsed: valid UTF-8 (an invalid byte is reported at
 * its line, not replaced by U+FFFD) and free of NUL characters, which PostgreSQL cannot store.
 */
import type { ContentError, SourceFile } from "./types";
import { contentMessage } from "./content-error-codes";
import type { LineMessage } from "./yaml-source";

export type DecodedSource = { ok: true; text: string } | { ok: false; errors: ContentError[] };

const NEWLINE = 0x0a;

/** The file's text; with raw bytes, those decoded as strict UTF-8, every invalid line reported. */
export function decodeSource(file: SourceFile): DecodedSource {
  const bytes = file.bytes;
  if (bytes === undefined) return { ok: true, text: file.text };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    // A newline byte never occurs inside a multi-byte UTF-8 sequence, so each line can be
    // checked on its own: the lines that fail to decode are exactly the ones to fix.
    const errors: ContentError[] = [];
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== NEWLINE) continue;
      const column = firstInvalidByte(bytes.subarray(start, i));
      if (column !== undefined) {
        errors.push({
          file: file.path,
          line,
          message: `invalid UTF-8 at byte ${column + 1} of the line (0x${(bytes[start + column] ?? 0).toString(16).padStart(2, "0")}): save the file as UTF-8`,
        });
      }
      line++;
      start = i + 1;
    }
    return { ok: false, errors };
  }
}

/**
 * 0-based index of the first byte of `line` that starts an invalid UTF-8 sequence, or
 * undefined if it all decodes (the ranges are those of RFC 3629, as TextDecoder checks them).
 */
function firstInvalidByte(line: Uint8Array): number | undefined {
  const at = (i: number) => line[i] ?? -1;
  const continues = (i: number, low = 0x80, high = 0xbf) => at(i) >= low && at(i) <= high;
  for (let i = 0; i < line.length; ) {
    const b = at(i);
    let length: number;
    let ok: boolean;
    if (b < 0x80) [length, ok] = [1, true];
    else if (b >= 0xc2 && b <= 0xdf) [length, ok] = [2, continues(i + 1)];
    else if (b >= 0xe0 && b <= 0xef) {
      const second = b === 0xe0 ? continues(i + 1, 0xa0) : b === 0xed ? continues(i + 1, 0x80, 0x9f) : continues(i + 1);
      [length, ok] = [3, second && continues(i + 2)];
    } else if (b >= 0xf0 && b <= 0xf4) {
      const second = b === 0xf0 ? continues(i + 1, 0x90) : b === 0xf4 ? continues(i + 1, 0x80, 0x8f) : continues(i + 1);
      [length, ok] = [4, second && continues(i + 2) && continues(i + 3)];
    } else [length, ok] = [1, false];
    if (!ok) return i;
    i += length;
  }
  return undefined;
}

/** One message per line that holds a NUL character (U+0000). */
export function nulCharacters(text: string): LineMessage[] {
  const out: LineMessage[] = [];
  text.split("\n").forEach((line, i) => {
    const column = line.indexOf("\u0000");
    if (column !== -1) {
      out.push({ line: i + 1, ...contentMessage("nulInText", { column: column + 1 }) });
    }
  });
  return out;
}
