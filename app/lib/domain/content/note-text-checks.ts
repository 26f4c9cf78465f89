/** Checks on the text a note holds: its maths renders, its `[src: …]` markers are well formed. */
import katex from "katex";
import { contentMessage, type CodedMessage } from "./content-error-codes";
import { isRecord } from "./is-record";
import { findSourceMarkers, maskCodeAndMath } from "./source-markers";
import type { YamlSource } from "./yaml-source";

/** Where a check reports a problem: the file's line and the English message, with its code when it has one. */
export type Report = (line: number, message: string | CodedMessage) => void;

export function checkMath(tex: string, display: boolean, line: number, report: Report) {
  try {
    // MathML output only: the check needs KaTeX's parse errors, not the HTML it would build.
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: false, output: "mathml" });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, "") : String(error);
    report(line, contentMessage("mathError", { detail: message }));
  }
}

const MATH_IN_TEXT = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;

/** Checks `$...$` in every text value of a card or question, at the line of its key. */
export function checkMathIn(yaml: YamlSource, data: object, report: Report) {
  eachText(data, (value, path) => {
    for (const match of value.matchAll(MATH_IN_TEXT)) {
      const tex = match[1] ?? match[2] ?? "";
      checkMath(tex, match[1] !== undefined, yaml.lineOf(path), report);
    }
  });
}

/** Checks the `[src: …]` markers (closed, not empty) in every text value of a card or question. */
export function checkSourceMarkersIn(yaml: YamlSource, data: object, report: Report) {
  eachText(data, (value, path) => {
    for (const problem of findSourceMarkers(maskCodeAndMath(value)).problems) report(yaml.lineOf(path), problem);
  });
}

function eachText(data: object, visit: (value: string, path: PropertyKey[]) => void) {
  const walkValue = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") visit(value, path);
    else if (Array.isArray(value)) value.forEach((v, i) => walkValue(v, [...path, i]));
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walkValue(v, [...path, k]);
  };
  walkValue(data, []);
}
