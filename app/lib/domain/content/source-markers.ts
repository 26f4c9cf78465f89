/**
 * `[src: …]` source markers (docs/content-format.md, "Sources"): where a number, formula or
 * result comes from in the paper, e.g. `K = 65,536 [src: §3.3, Table 1]`. Plain string functions,
 * shared by the checker (parse-note), the renderer (markdown.ts) and the number lookup (sources.ts).
 */

import { contentMessage, type CodedMessage } from "./content-error-codes";
import { collapse } from "./text";

export const SOURCE_OPEN = "[src:";

export interface SourceMarker {
  /** Offset of the `[` of `[src:`. */
  start: number;
  /** Offset just after the closing `]`. */
  end: number;
  /** The text between `[src:` and `]`, whitespace collapsed: "§3.3, Table 1". */
  text: string;
}

export interface SourceMarkerProblem extends CodedMessage {
  /** Offset of the `[src:` the problem is about. */
  offset: number;
}

/**
 * The markers in `masked` (a text with its code and maths blanked out, offsets as in the
 * source), and the ones an author must fix: a `[src:` never closed (by the end of the text, or
 * before the next `[src:`) and an empty `[src: ]`. Brackets inside a marker nest.
 */
export function findSourceMarkers(masked: string): { markers: SourceMarker[]; problems: SourceMarkerProblem[] } {
  const markers: SourceMarker[] = [];
  const problems: SourceMarkerProblem[] = [];
  let at = masked.indexOf(SOURCE_OPEN);
  while (at !== -1) {
    const next = masked.indexOf(SOURCE_OPEN, at + SOURCE_OPEN.length);
    const close = closingBracket(masked, at + SOURCE_OPEN.length, next === -1 ? masked.length : next);
    if (close === -1) {
      problems.push({ offset: at, ...contentMessage("markerUnclosed") });
    } else {
      const text = collapse(masked.slice(at + SOURCE_OPEN.length, close));
      if (text === "") {
        problems.push({ offset: at, ...contentMessage("markerEmpty") });
      } else {
        markers.push({ start: at, end: close + 1, text });
      }
    }
    at = next;
  }
  return { markers, problems };
}

function closingBracket(text: string, from: number, until: number): number {
  let depth = 0;
  for (let i = from; i < until; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * The text without its markers, nor the spaces before each: "65,536 [src: Table 1]." →
 * "65,536.". What a cloze card derived from a marked sentence shows, so that adding a marker to
 * a sentence leaves its card (and the card's hash) as it was.
 */
export function stripSourceMarkers(text: string, masked = text): string {
  const { markers } = findSourceMarkers(masked);
  let out = "";
  let from = 0;
  for (const marker of markers) {
    out += text.slice(from, marker.start).replace(/[ \t]+$/, "");
    from = marker.end;
  }
  return out + text.slice(from);
}

/** `masked` with each closed marker blanked out (NULs, same length): sentences and `==` ignore them. */
export function maskSourceMarkers(masked: string): string {
  let out = masked;
  for (const marker of findSourceMarkers(masked).markers) {
    out = out.slice(0, marker.start) + "\u0000".repeat(marker.end - marker.start) + out.slice(marker.end);
  }
  return out;
}

const CODE_OR_MATH = /`+[^`]*?`+|\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g;

/**
 * A markdown text of a card or question with inline code and `$...$` maths blanked out, for
 * finding markers in it: a `[src:` inside maths or code is not a marker.
 */
export function maskCodeAndMath(text: string): string {
  return text.replace(CODE_OR_MATH, (match) => "\u0000".repeat(match.length));
}
