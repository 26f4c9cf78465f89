/**
 * A note's front matter: the YAML between the first two "---" lines, checked by the edition's
 * reader (an English note's keys here; a Chinese edition's in translation.ts).
 */
import { FRONT_MATTER_KEYS, frontMatterSchemaFor, type FrontMatter } from "@/app/lib/schemas/content";
import { contentMessage } from "./content-error-codes";
import { isRecord } from "./is-record";
import type { Report } from "./note-text-checks";
import { issuesToMessages, readYaml, type YamlSource } from "./yaml-source";

const PAPER_ONLY_KEYS = new Set(["authors", "year", "venue", "link", "introduces"]);

/** Checks an edition's front matter keys: its meta (undefined when invalid) and the line of each key. */
export type FrontMatterReader<M> = (
  data: Record<string, unknown>,
  yaml: YamlSource,
  report: Report,
) => { meta: M | undefined; lines: Record<string, number>; prerequisiteLines?: number[] };

export const readNoteFrontMatter: FrontMatterReader<FrontMatter> = (data, yaml, report) => {
  let meta: FrontMatter | undefined;
  const result = frontMatterSchemaFor(data).safeParse(data);
  if (result.success) meta = result.data;
  else {
    const messages = issuesToMessages(result.error.issues, yaml, {
      knownKeys: FRONT_MATTER_KEYS,
      fallbackLine: 1,
      paperOnly: (key) => PAPER_ONLY_KEYS.has(key),
    });
    for (const { line, ...problem } of messages) report(line, problem);
  }
  const lines: Record<string, number> = {};
  for (const key of FRONT_MATTER_KEYS) {
    if (key in data) lines[key] = yaml.keyLineOf([key]);
  }
  const prerequisites = data.prerequisites;
  const prerequisiteLines = Array.isArray(prerequisites) ? prerequisites.map((_, i) => yaml.lineOf(["prerequisites", i])) : [];
  return { meta, lines, prerequisiteLines };
};

export interface FrontMatterSection<M> {
  meta: M | undefined;
  frontMatterLines: Record<string, number>;
  prerequisiteLines: number[];
  /** 0-based index of the body's first line. */
  bodyIndex: number;
}

/**
 * Finds the front matter at the top of `lines` and reads it. `undefined` when it is opened and
 * never closed: then nothing after line 1 can be told apart from it, and parsing stops.
 */
export function readFrontMatterSection<M>(
  lines: string[],
  readFrontMatter: FrontMatterReader<M>,
  report: Report,
): FrontMatterSection<M> | undefined {
  let meta: M | undefined;
  let frontMatterLines: Record<string, number> = {};
  let prerequisiteLines: number[] = [];
  let bodyIndex = 0;

  if (lines[0]?.trimEnd() !== "---") {
    report(1, contentMessage("noFrontMatter"));
  } else {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close === -1) {
      report(1, contentMessage("frontMatterUnclosed"));
      return undefined;
    }
    const yaml = readYaml(lines.slice(1, close).join("\n"), 2, 1);
    for (const { line, ...problem } of yaml.errors) report(line, problem);
    if (yaml.data !== undefined) {
      if (!isRecord(yaml.data)) {
        report(1, contentMessage("frontMatterNotKeys"));
      } else {
        const read = readFrontMatter(yaml.data, yaml, report);
        meta = read.meta;
        frontMatterLines = read.lines;
        prerequisiteLines = read.prerequisiteLines ?? [];
      }
    }
    bodyIndex = close + 1;
  }
  return { meta, frontMatterLines, prerequisiteLines, bodyIndex };
}
