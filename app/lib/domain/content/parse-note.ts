/**
 * One note file → a ParsedNote, or every error in it (never just the first), each at the
 * line of the file where the author has to look. Pure: takes the file name and its text.
 */
import GithubSlugger from "github-slugger";
import katex from "katex";
import type { Nodes } from "mdast";
import {
  FRONT_MATTER_KEYS,
  cardBlockSchema,
  cardSchemaFor,
  frontMatterSchemaFor,
  quizBlockSchema,
  quizSchemaFor,
  widgetBlockSchema,
  type FrontMatter,
} from "@/app/lib/schemas/content";
import { contentHash } from "./content-hash";
import { cardsFromBlock, finishQuestion, itemKey, payloadAndAnswer } from "./items";
import {
  findKeyTermsInSource,
  headingText,
  isBlockLang,
  markKeyTerms,
  maskedSource,
  parseMarkdown,
  sentenceBounds,
  walk,
  wordCount,
  type BlockLang,
} from "./markdown";
import { findSourceMarkers, maskCodeAndMath, maskSourceMarkers, stripSourceMarkers } from "./source-markers";
import { readSources } from "./sources";
import type {
  BlockRef,
  CardItem,
  ContentError,
  Heading,
  KeyTerm,
  ParseResult,
  ParsedNote,
  QuizItem,
  WidgetItem,
} from "./types";
import { nulCharacters } from "./source-text";
import { issuesToMessages, readYaml, type YamlSource } from "./yaml-source";
import { collapse, countNewlines } from "./text";

const PAPER_ONLY_KEYS = new Set(["authors", "year", "venue", "link", "introduces"]);

const BLOCK_EXAMPLE: Record<BlockLang, string> = {
  card: "id: ..., type: basic, front: ..., back: ...",
  quiz: "id: ..., type: single, prompt: ..., choices: [...], answer: 0, explanation: ...",
  widget: "name: ..., caption: ...",
};

/** The slug a file declares by its name: `content/moco.md` → `moco`. */
export function slugFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, "");
}

interface RawBlock {
  lang: BlockLang;
  value: string;
  line: number;
}

/** Which edition a file is: an English note (the master) or its Chinese edition (docs/translation.md). */
export type Edition = "en" | "zh";

/** A fenced block's YAML as written, kept for comparing a translation with its English note. */
export interface BlockSource {
  lang: BlockLang;
  line: number;
  data: Record<string, unknown>;
  yaml: YamlSource;
}

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

type FrontMatterReader<M> = (
  data: Record<string, unknown>,
  yaml: YamlSource,
  report: (line: number, message: string) => void,
) => { meta: M | undefined; lines: Record<string, number>; prerequisiteLines?: number[] };

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

const readNoteFrontMatter: FrontMatterReader<FrontMatter> = (data, yaml, report) => {
  let meta: FrontMatter | undefined;
  const result = frontMatterSchemaFor(data).safeParse(data);
  if (result.success) meta = result.data;
  else {
    const messages = issuesToMessages(result.error.issues, yaml, {
      knownKeys: FRONT_MATTER_KEYS,
      fallbackLine: 1,
      missingHint: (key) => (PAPER_ONLY_KEYS.has(key) ? " (papers need it)" : ""),
    });
    for (const m of messages) report(m.line, m.message);
  }
  const lines: Record<string, number> = {};
  for (const key of FRONT_MATTER_KEYS) {
    if (key in data) lines[key] = yaml.keyLineOf([key]);
  }
  const prerequisites = data.prerequisites;
  const prerequisiteLines = Array.isArray(prerequisites) ? prerequisites.map((_, i) => yaml.lineOf(["prerequisites", i])) : [];
  return { meta, lines, prerequisiteLines };
};

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
  const report = (line: number, message: string) => errors.push({ file, line, message });

  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // PostgreSQL cannot store U+0000 in text: report it here rather than fail the sync. The
  // rest of the checks run on the text with it replaced, so they report their errors too.
  for (const m of nulCharacters(normalised)) report(m.line, m.message);
  const source = normalised.replaceAll("\u0000", "\uFFFD");
  const lines = source.split("\n");
  const slug = slugFromPath(file);

  // ------------------------------------------------------------ front matter
  let meta: M | undefined;
  let frontMatterLines: Record<string, number> = {};
  let prerequisiteLines: number[] = [];
  let bodyIndex = 0; // 0-based index of the body's first line

  if (lines[0]?.trimEnd() !== "---") {
    report(1, 'a note must start with front matter: a "---" line, the YAML keys, then another "---" line');
  } else {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close === -1) {
      report(1, 'the front matter opened on line 1 is never closed by a "---" line');
      return { ok: false, errors };
    }
    const yaml = readYaml(lines.slice(1, close).join("\n"), 2, 1);
    for (const e of yaml.errors) report(e.line, e.message);
    if (yaml.data !== undefined) {
      if (!isRecord(yaml.data)) {
        report(1, "the front matter must be YAML keys (title: ..., kind: ..., ...)");
      } else {
        const read = readFrontMatter(yaml.data, yaml, report);
        meta = read.meta;
        frontMatterLines = read.lines;
        prerequisiteLines = read.prerequisiteLines ?? [];
      }
    }
    bodyIndex = close + 1;
  }

  // ------------------------------------------------------------ body
  const body = lines.slice(bodyIndex).join("\n");
  const offset = bodyIndex; // file line = body line + offset
  const tree = parseMarkdown(body);
  markKeyTerms(tree);

  const headings: Heading[] = [];
  const rawBlocks: RawBlock[] = [];
  // `masked`: code and maths blanked out; `plain`: source markers too (for sentences and terms).
  const paragraphs: { source: string; masked: string; plain: string; line: number }[] = [];
  const slugger = new GithubSlugger();
  const bodyLines = lines.slice(bodyIndex);
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + offset;

  walk(tree, (node, parent) => {
    switch (node.type) {
      case "heading": {
        const text = headingText(node);
        headings.push({ depth: node.depth, text, slug: slugger.slug(text), line: lineOf(node) });
        if (node.depth === 1) report(lineOf(node), "use ## for sections: a note's title comes from its front matter");
        break;
      }
      case "code": {
        const lang = node.lang ?? "";
        const line = lineOf(node);
        const terminated = fenceIsClosed(node, bodyLines);
        if (!terminated) {
          report(line, `${isBlockLang(lang) ? `this \`\`\`${lang} block` : "this code block"} is never closed (the rest of the file is inside it)`);
        }
        if (isBlockLang(lang)) {
          if (parent?.type !== "root") {
            report(line, `a \`\`\`${lang} block must stand on its own, not inside a list or quote`);
          } else if (terminated) {
            rawBlocks.push({ lang, value: node.value, line });
          }
        }
        break;
      }
      case "math": {
        if (!mathIsClosed(node, bodyLines)) report(lineOf(node), "this $$ math block is never closed");
        else checkMath(node.value, true, lineOf(node), report);
        break;
      }
      case "inlineMath":
        checkMath(node.value, false, lineOf(node), report);
        break;
      case "html":
        if (!node.value.trimStart().startsWith("<!--")) {
          report(lineOf(node), `raw HTML is not rendered in notes, use markdown instead: ${node.value.split("\n")[0]}`);
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
  for (const problem of sources.problems) report(problem.line, problem.message);

  // ------------------------------------------------------------ key terms
  const keyTerms: KeyTerm[] = [];
  for (const paragraph of paragraphs) {
    const terms = findKeyTermsInSource(paragraph.source, paragraph.plain);
    if (terms.length === 0) continue;
    const sentences = sentenceBounds(paragraph.plain);
    const seenInSentence = new Map<number, string>();
    for (const term of terms) {
      const line = paragraph.line + countNewlines(paragraph.source.slice(0, term.start));
      const index = sentences.findIndex(([s, e]) => term.start >= s && term.start < e);
      const [s, e] = sentences[index] ?? [0, paragraph.source.length];
      const previous = seenInSentence.get(index);
      if (previous !== undefined) {
        report(line, `only one ==key term== per sentence: ==${previous}== and ==${term.inner}== share one`);
        continue;
      }
      seenInSentence.set(index, term.inner);
      // A term with no Latin letter or digit (==对比学习== in a note written in Chinese) is named
      // by a hash of its text: stable while the term stays as written, as a slug would be.
      const termSlug = slugify(term.inner) || (edition === "en" ? termHashSlug(collapse(term.inner)) : "");
      // The sentence keeps this term marked and drops the marks of any other (none, by the rule
      // above), and its [src: …] markers: the card stays as it was before they were added.
      const unmarked = (from: number, to: number) => stripSourceMarkers(paragraph.source.slice(from, to), paragraph.masked.slice(from, to));
      const sentence = collapse(unmarked(s, e));
      const rest = collapse(unmarked(s, term.start) + unmarked(term.end, e));
      const markers = findSourceMarkers(paragraph.masked.slice(s, e)).markers.map((m) => m.text);
      if (wordCount(rest) < 3) {
        report(line, `the sentence around ==${term.inner}== is too short to make a cloze card; mark the term in a full sentence`);
        continue;
      }
      keyTerms.push({ term: collapse(term.inner), slug: termSlug, sentence, line, anchor: anchorAt(line), sources: markers });
    }
  }

  // ------------------------------------------------------------ blocks
  const cards: CardItem[] = [];
  const questions: QuizItem[] = [];
  const widgets: WidgetItem[] = [];
  const blocks: BlockRef[] = [];
  const blockSources: BlockSource[] = [];

  for (const block of rawBlocks) {
    const yaml = readYaml(block.value, block.line + 1, block.line);
    for (const e of yaml.errors) report(e.line, e.message);
    if (yaml.data === undefined) continue;
    if (!isRecord(yaml.data)) {
      report(block.line, `a \`\`\`${block.lang} block holds YAML keys (${BLOCK_EXAMPLE[block.lang]})`);
      continue;
    }
    blockSources.push({ lang: block.lang, line: block.line, data: yaml.data, yaml });
    const anchor = anchorAt(block.line);
    const place = (idLine: number) => ({ noteSlug: slug, anchor, line: block.line, idLine, derived: false });

    if (block.lang === "card") {
      const schema = cardSchemaFor(yaml.data);
      const checked = schema.safeParse(yaml.data);
      if (!checked.success) {
        reportIssues(checked.error.issues, yaml, Object.keys(schema.shape), block.line, report);
        continue;
      }
      const card = cardBlockSchema.safeParse(yaml.data);
      if (!card.success) continue;
      checkMathIn(yaml, card.data, report);
      checkSourceMarkersIn(yaml, card.data, report);
      const built = cardsFromBlock(card.data, place(yaml.keyLineOf(["id"])));
      cards.push(...built);
      blocks.push({ kind: "card", line: block.line, key: itemKey(slug, card.data.id) });
    } else if (block.lang === "quiz") {
      const schema = quizSchemaFor(yaml.data);
      const checked = schema.safeParse(yaml.data);
      if (!checked.success) {
        reportIssues(checked.error.issues, yaml, Object.keys(schema.shape), block.line, report);
        continue;
      }
      const quiz = quizBlockSchema.safeParse(yaml.data);
      if (!quiz.success) continue;
      checkMathIn(yaml, quiz.data, report);
      checkSourceMarkersIn(yaml, quiz.data, report);
      const key = itemKey(slug, quiz.data.id);
      const cardRefs = (quiz.data.cards ?? []).map((id, i) => ({ id, line: yaml.lineOf(["cards", i]) }));
      const { payload, answer } = payloadAndAnswer(quiz.data, key);
      questions.push(
        finishQuestion(
          { id: quiz.data.id, prompt: quiz.data.prompt, explanation: quiz.data.explanation, payload, answer, cardRefs },
          place(yaml.keyLineOf(["id"])),
        ),
      );
      blocks.push({ kind: "quiz", line: block.line, key });
    } else {
      const checked = widgetBlockSchema.safeParse(yaml.data);
      if (!checked.success) {
        reportIssues(checked.error.issues, yaml, Object.keys(widgetBlockSchema.shape), block.line, report);
        continue;
      }
      const caption = checked.data.caption ?? null;
      widgets.push({ name: checked.data.name, caption, line: block.line, anchor });
      blocks.push({ kind: "widget", line: block.line, name: checked.data.name, caption });
    }
  }

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

function reportIssues(
  issues: Parameters<typeof issuesToMessages>[0],
  yaml: YamlSource,
  knownKeys: string[],
  blockLine: number,
  report: (line: number, message: string) => void,
) {
  for (const m of issuesToMessages(issues, yaml, { knownKeys, fallbackLine: blockLine })) report(m.line, m.message);
}

// ------------------------------------------------------------ fences

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** remark runs an unclosed fence to the end of the document; the last line tells us which it was. */
function fenceIsClosed(node: Nodes, bodyLines: string[]): boolean {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined || end === start) return false;
  const open = FENCE.exec(bodyLines[start - 1] ?? "")?.[1];
  if (open === undefined) return true; // an indented code block: nothing to close
  const last = (bodyLines[end - 1] ?? "").trim();
  return last.length >= open.length && [...last].every((c) => c === open[0]);
}

function mathIsClosed(node: Nodes, bodyLines: string[]): boolean {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined) return false;
  const last = (bodyLines[end - 1] ?? "").trim();
  if (end === start) return (last.match(/\$\$/g) ?? []).length >= 2;
  return last.endsWith("$$");
}

// ------------------------------------------------------------ math

function checkMath(tex: string, display: boolean, line: number, report: (line: number, message: string) => void) {
  try {
    // MathML output only: the check needs KaTeX's parse errors, not the HTML it would build.
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: false, output: "mathml" });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, "") : String(error);
    report(line, `math does not render: ${message}`);
  }
}

const MATH_IN_TEXT = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;

/** Checks `$...$` in every text value of a card or question, at the line of its key. */
function checkMathIn(yaml: YamlSource, data: object, report: (line: number, message: string) => void) {
  eachText(data, (value, path) => {
    for (const match of value.matchAll(MATH_IN_TEXT)) {
      const tex = match[1] ?? match[2] ?? "";
      checkMath(tex, match[1] !== undefined, yaml.lineOf(path), report);
    }
  });
}

/** Checks the `[src: …]` markers (closed, not empty) in every text value of a card or question. */
function checkSourceMarkersIn(yaml: YamlSource, data: object, report: (line: number, message: string) => void) {
  eachText(data, (value, path) => {
    for (const problem of findSourceMarkers(maskCodeAndMath(value)).problems) report(yaml.lineOf(path), problem.message);
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

// ------------------------------------------------------------ sentences and slugs

/** `term-` and the FNV-1a hash (32 bits, hex) of a term's text: a name for a term slugify cannot spell. */
export function termHashSlug(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `term-${hash.toString(16).padStart(8, "0")}`;
}

/** Lowercase ASCII slug of a term: accents dropped, markdown and math markers ignored. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\\[a-z]+/g, (command) => command.slice(1)) // $\tau$ → tau
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}



function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
