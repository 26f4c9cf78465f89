/**
 * One note file → a ParsedNote, or every error in it (never just the first), each at the
 * line of the file where the author has to look. Pure: takes the file name and its text.
 * The sections of a note are read by their own modules (front matter, key terms, blocks,
 * text checks, fences, slugs); this file runs them in order over one body.
 */
import GithubSlugger from "github-slugger";
import type { Nodes } from "mdast";
import { contentHash } from "./content-hash";
import { headingText, isBlockLang, markKeyTerms, maskedSource, parseMarkdown, walk } from "./markdown";
import { readBlocks, type BlockSource, type RawBlock } from "./note-blocks";
import { fenceIsClosed, mathIsClosed } from "./note-fences";
import { readFrontMatterSection, readNoteFrontMatter, type FrontMatterReader } from "./note-front-matter";
import { readKeyTerms, type BodyParagraph } from "./note-key-terms";
import { slugFromPath } from "./note-slugs";
import { checkMath, type Report } from "./note-text-checks";
import { contentMessage } from "./content-error-codes";
import { maskSourceMarkers } from "./source-markers";
import { readSources } from "./sources";
import type { BlockRef, CardItem, ContentError, Heading, KeyTerm, ParseResult, ParsedNote, QuizItem, WidgetItem } from "./types";
import { nulCharacters } from "./source-text";

// Names other modules and tests import from here since before the split.
export { slugFromPath, slugify, termHashSlug } from "./note-slugs";
export type { BlockSource } from "./note-blocks";
export type { FrontMatterReader } from "./note-front-matter";

/** Which edition a file is: an English note (the master) or its Chinese edition (docs/translation.md). */
export type Edition = "en" | "zh";

/** What parsing a file's body gives, whichever edition it is. */
export interface ParsedBody {
  body: string;
  bodyStartLine: number;
  headings: Heading[];
  keyTerms: KeyTerm[];
  passages: ParsedNote["passages"];
  keyNumberLines: ParsedNote["keyNumberLines"];
  cards: CardItem[];
  questions: QuizItem[];
  widgets: WidgetItem[];
  blocks: BlockRef[];
  blockSources: BlockSource[];
  hash: string;
}

export function parseNote(file: string, text: string): ParseResult {
  const parsed = parseSource(file, text, "en", readNoteFrontMatter);
  if (!parsed.ok) return parsed;
  const { meta, lines, body } = parsed;
  return {
    ok: true,
    note: {
      file,
      slug: slugFromPath(file),
      meta,
      body: body.body,
      bodyStartLine: body.bodyStartLine,
      headings: body.headings,
      keyTerms: body.keyTerms,
      passages: body.passages,
      keyNumberLines: body.keyNumberLines,
      cards: body.cards,
      questions: body.questions,
      widgets: body.widgets,
      blocks: body.blocks,
      lines,
      hash: body.hash,
    },
  };
}

export type SourceParse<M> =
  | { ok: true; meta: M; lines: { frontMatter: Record<string, number>; prerequisites: number[] }; body: ParsedBody }
  | { ok: false; errors: ContentError[] };

/**
 * The part of parsing shared by both editions: the front matter's YAML (checked by
 * `readFrontMatter`) and the body, read by one pipeline (headings, key terms, sources, blocks).
 * `edition` changes only what must differ: a Chinese key term needs no ASCII slug (its cloze
 * card takes the id of the English term at the same position).
 */
export function parseSource<M>(file: string, text: string, edition: Edition, readFrontMatter: FrontMatterReader<M>): SourceParse<M> {
  const errors: ContentError[] = [];
  const report: Report = (line, problem) => errors.push(typeof problem === "string" ? { file, line, message: problem } : { file, line, ...problem });

  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // PostgreSQL cannot store U+0000 in text: report it here rather than fail the sync. The
  // rest of the checks run on the text with it replaced, so they report their errors too.
  for (const { line, ...problem } of nulCharacters(normalised)) report(line, problem);
  const source = normalised.replaceAll("\u0000", "\uFFFD");
  const lines = source.split("\n");
  const slug = slugFromPath(file);

  // ------------------------------------------------------------ front matter
  const front = readFrontMatterSection(lines, readFrontMatter, report);
  if (front === undefined) return { ok: false, errors };
  const { meta, frontMatterLines, prerequisiteLines, bodyIndex } = front;

  // ------------------------------------------------------------ body
  const body = lines.slice(bodyIndex).join("\n");
  const offset = bodyIndex; // file line = body line + offset
  const tree = parseMarkdown(body);
  markKeyTerms(tree);

  const headings: Heading[] = [];
  const rawBlocks: RawBlock[] = [];
  // `masked`: code and maths blanked out; `plain`: source markers too (for sentences and terms).
  const paragraphs: BodyParagraph[] = [];
  const slugger = new GithubSlugger();
  const bodyLines = lines.slice(bodyIndex);
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + offset;

  walk(tree, (node, parent) => {
    switch (node.type) {
      case "heading": {
        const text = headingText(node);
        headings.push({ depth: node.depth, text, slug: slugger.slug(text), line: lineOf(node) });
        if (node.depth === 1) report(lineOf(node), contentMessage("titleHeading"));
        break;
      }
      case "code": {
        const lang = node.lang ?? "";
        const line = lineOf(node);
        const terminated = fenceIsClosed(node, bodyLines);
        if (!terminated) {
          report(line, isBlockLang(lang) ? contentMessage("blockUnclosed", { lang }) : contentMessage("codeUnclosed"));
        }
        if (isBlockLang(lang)) {
          if (parent?.type !== "root") {
            report(line, contentMessage("blockNested", { lang }));
          } else if (terminated) {
            rawBlocks.push({ lang, value: node.value, line });
          }
        }
        break;
      }
      case "math": {
        if (!mathIsClosed(node, bodyLines)) report(lineOf(node), contentMessage("mathUnclosed"));
        else checkMath(node.value, true, lineOf(node), report);
        break;
      }
      case "inlineMath":
        checkMath(node.value, false, lineOf(node), report);
        break;
      case "html":
        if (!node.value.trimStart().startsWith("<!--")) {
          report(lineOf(node), contentMessage("rawHtml", { html: node.value.split("\n")[0] ?? "" }));
        }
        break;
      case "paragraph": {
        if (node.position?.start.offset === undefined || node.position.end.offset === undefined) break;
        // Code and maths blanked out so `==` inside them is not taken for a key term.
        const { source, masked } = maskedSource(node, body);
        paragraphs.push({ source, masked, plain: maskSourceMarkers(masked), line: lineOf(node) });
        break;
      }
    }
  });

  const anchorAt = (line: number): string | null => {
    let anchor: string | null = null;
    for (const h of headings) {
      if (h.line >= line) break;
      if (h.depth >= 2) anchor = h.slug;
    }
    return anchor;
  };

  // ------------------------------------------------------------ sources
  const sources = readSources(tree, body, lineOf, anchorAt);
  for (const { line, ...problem } of sources.problems) report(line, problem);

  // ------------------------------------------------------------ key terms
  const keyTerms = readKeyTerms(paragraphs, edition, anchorAt, report);

  // ------------------------------------------------------------ blocks
  const { cards, questions, widgets, blocks, blockSources } = readBlocks(rawBlocks, slug, anchorAt, report);

  if (errors.length > 0 || meta === undefined) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return {
    ok: true,
    meta,
    lines: { frontMatter: frontMatterLines, prerequisites: prerequisiteLines },
    body: {
      body,
      bodyStartLine: bodyIndex + 1,
      headings,
      keyTerms,
      passages: sources.passages,
      keyNumberLines: sources.keyNumberLines,
      cards,
      questions,
      widgets,
      blocks,
      blockSources,
      hash: contentHash(source),
    },
  };
}
