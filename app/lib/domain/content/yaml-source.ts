/**
 * YAML read with its source positions kept, so that a YAML error or a zod issue can be
 * reported at the line of the file where the offending key is written.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import { contentMessage, type CodedMessage } from "./content-error-codes";

/** How many alias expansions one YAML block may make; real notes use none. */
const MAX_ALIAS_COUNT = 100;

/** A problem at a file line: the English message, with its code when it has one. */
export interface LineMessage extends CodedMessage {
  line: number;
}

export interface YamlSource {
  /** The YAML as plain data; undefined when the YAML could not be read. */
  data: unknown;
  /** YAML syntax errors, at file lines. */
  errors: LineMessage[];
  /**
   * File line of the value at `path`; for a key that is not there, the line of the closest
   * parent that is (or of the block's first line).
   */
  lineOf(path: readonly PropertyKey[]): number;
  /** File line of the key at `path` (rather than its value), if present. */
  keyLineOf(path: readonly PropertyKey[]): number;
}

/**
 * Reads `source`, whose first line is line `firstLine` of the file; `fallbackLine` is where
 * problems with no better place (an empty block, a missing key) are reported.
 */
export function readYaml(source: string, firstLine: number, fallbackLine: number): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const toFileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;

  const errors: LineMessage[] = doc.errors.map((error) => {
    const line = error.linePos?.[0]?.line;
    const column = error.linePos?.[0]?.col;
    // The yaml package appends " at line L, column C:" and a code frame; we give our own line.
    const text = error.message.split(/ at line \d+, column \d+/)[0]?.trim() ?? error.message;
    return {
      line: line === undefined ? fallbackLine : line + firstLine - 1,
      ...(column === undefined ? contentMessage("yamlError", { detail: text }) : contentMessage("yamlErrorAt", { detail: text, column })),
    };
  });

  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Nested anchors and aliases ("billion laughs") would expand to gigabytes: the yaml
      // package stops at maxAliasCount with a ReferenceError, which we report at the block.
      const text = error instanceof Error ? error.message : String(error);
      errors.push({
        line: fallbackLine,
        ...(/alias/i.test(text) ? contentMessage("yamlAliases", { max: MAX_ALIAS_COUNT }) : contentMessage("yamlError", { detail: text })),
      });
    }
  }

  const locate = (path: readonly PropertyKey[], wantKey: boolean): number => {
    let node: unknown = doc.contents;
    let line = doc.contents?.range ? toFileLine(doc.contents.range[0]) : fallbackLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return line;
        const keyNode = pair.key as Node;
        if (keyNode.range) line = toFileLine(keyNode.range[0]);
        if (wantKey && segment === path[path.length - 1]) return line;
        node = pair.value;
        const valueNode = pair.value as Node | null;
        // A value starting on the key's line is reported there; a nested block list or map
        // (which starts on the next line) is reported at its key unless we go into it.
        if (valueNode?.range && !isMap(valueNode) && !isSeq(valueNode)) line = toFileLine(valueNode.range[0]);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) return line;
        if (item.range) line = toFileLine(item.range[0]);
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };

  // A YAML escape ("\0", "\u0000") can put a NUL into a value even when the file has none;
  // PostgreSQL cannot store it.
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      if (value.includes("\u0000")) {
        errors.push({ line: locate(path, false), ...contentMessage("nulInYaml") });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  if (errors.length > 0) data = undefined;

  return {
    data,
    errors,
    lineOf: (path) => locate(path, false),
    keyLineOf: (path) => locate(path, true),
  };
}

/**
 * zod issues as line messages. A missing key is reported as such (at the block's line), an
 * unknown key at its own line with the closest known key suggested.
 */
export function issuesToMessages(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  options: { knownKeys: readonly string[]; fallbackLine: number; paperOnly?: (key: string) => boolean },
): LineMessage[] {
  const out: LineMessage[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const suggestion = closest(key, options.knownKeys);
        out.push({
          line: source.keyLineOf([...path, key]),
          ...(suggestion ? contentMessage("unknownKeyGuess", { key, guess: suggestion }) : contentMessage("unknownKey", { key })),
        });
      }
      continue;
    }
    const where = formatPath(path);
    if (issue.code === "invalid_type" && valueAt(source.data, path) === undefined) {
      const key = String(path[path.length - 1] ?? "");
      const line = path.length > 1 ? source.lineOf(path.slice(0, -1)) : options.fallbackLine;
      out.push({ line, ...contentMessage(options.paperOnly?.(key) ? "missingPaperKey" : "missingKey", { key: where }) });
      continue;
    }
    const top = String(path[0] ?? "");
    const message = where === "" || issue.message.startsWith(top) ? issue.message : `${where}: ${issue.message}`;
    out.push({ line: path.length === 0 ? options.fallbackLine : source.lineOf(path), message });
  }
  return out;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i > 0 ? "." : ""}${String(segment)}`))
    .join("");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** The known key within edit distance 2 of `key`, if any: most typos are one or two keystrokes. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

