import "#server-only";
import { performance } from "node:perf_hooks";
import { SLICE_MS, yieldToEventLoop } from "./time-slices";

/**
 * `JSON.parse` for a big upload (a 34 MB export blocks the event loop ~0.5 s in one call): a
 * top-level object's long arrays are cut at their elements' boundaries and parsed a group of
 * elements at a time, with the event loop let through between groups. The pieces are parsed
 * by `JSON.parse` itself, so what it accepts and refuses (SyntaxError) is the same as for the
 * whole text; anything but an object is simply given to `JSON.parse`.
 */

/** Texts shorter than this are parsed in one call (cheap enough). */
const SPLIT_FROM = 256 * 1024;
/** Characters per group of elements: ~1 MB parses in a few milliseconds. */
const GROUP_CHARS = 1024 * 1024;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class Scanner {
  private sliceStart = performance.now();
  constructor(readonly text: string) {}

  /** Yields when this slice's time is used up (called at element boundaries). */
  async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      this.sliceStart = performance.now();
    }
  }

  skipSpace(i: number): number {
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i += 1;
    return i;
  }

  /** The index after the JSON value starting at `i` (its syntax is checked later by JSON.parse). */
  valueEnd(i: number): number {
    const text = this.text;
    let depth = 0;
    for (; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        // A string: skip to its closing quote, stepping over escapes.
        for (i += 1; i < text.length && text.charCodeAt(i) !== 0x22; i += 1) if (text.charCodeAt(i) === 0x5c) i += 1;
        if (depth === 0) return i + 1;
      } else if (c === 0x7b || c === 0x5b) depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        depth -= 1;
        if (depth <= 0) return depth === 0 ? i + 1 : i;
      } else if (depth === 0 && (c === 0x2c || isSpace(c))) return i;
    }
    return i;
  }

  fail(): never {
    // The same error as JSON.parse's for a broken file (the route answers "not a JSON file").
    throw new SyntaxError("Unexpected end or token in JSON");
  }

  /**
   * The array starting at `start`: its elements found one by one, parsed in groups of ~1 MB
   * with a yield between groups. Returns the values and the index after the closing bracket.
   */
  async array(start: number): Promise<[unknown[], number]> {
    const out: unknown[] = [];
    let groupStart = start + 1;
    let i = this.skipSpace(start + 1);
    if (this.text.charCodeAt(i) === 0x5d) return [out, i + 1];
    for (;;) {
      i = this.skipSpace(this.valueEnd(this.skipSpace(i)));
      const c = this.text.charCodeAt(i);
      const last = c === 0x5d;
      if (!last && c !== 0x2c) this.fail();
      if (last || i - groupStart >= GROUP_CHARS) {
        out.push(...(JSON.parse(`[${this.text.slice(groupStart, i)}]`) as unknown[]));
        groupStart = i + 1;
        await this.breathe();
      }
      if (last) return [out, i + 1];
      i += 1;
    }
  }
}

/** Parses `text` like JSON.parse (throwing SyntaxError for what it refuses), yielding while it does. */
export async function parseJsonSliced(text: string): Promise<unknown> {
  const scanner = new Scanner(text);
  let i = scanner.skipSpace(0);
  if (text.charCodeAt(i) !== 0x7b || text.length < SPLIT_FROM) return JSON.parse(text);
  const result: Record<string, unknown> = {};
  i = scanner.skipSpace(i + 1);
  if (text.charCodeAt(i) === 0x7d) return JSON.parse(text);
  for (;;) {
    const keyEnd = scanner.valueEnd(i);
    const key = JSON.parse(text.slice(i, keyEnd)) as unknown;
    if (typeof key !== "string") return scanner.fail();
    i = scanner.skipSpace(keyEnd);
    if (text.charCodeAt(i) !== 0x3a) scanner.fail();
    const valueStart = scanner.skipSpace(i + 1);
    // An array is scanned element by element (never as one block); anything else is parsed whole.
    let value: unknown;
    let valueEnd: number;
    if (text.charCodeAt(valueStart) === 0x5b) [value, valueEnd] = await scanner.array(valueStart);
    else {
      valueEnd = scanner.valueEnd(valueStart);
      value = JSON.parse(text.slice(valueStart, valueEnd)) as unknown;
    }
    // defineProperty, as JSON.parse does: a "__proto__" key is a plain property, not the prototype.
    Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
    i = scanner.skipSpace(valueEnd);
    const c = text.charCodeAt(i);
    if (c === 0x7d) return scanner.skipSpace(i + 1) === text.length ? result : scanner.fail();
    if (c !== 0x2c) scanner.fail();
    i = scanner.skipSpace(i + 1);
    await scanner.breathe();
  }
}
