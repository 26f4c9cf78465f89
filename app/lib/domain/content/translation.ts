/**
 * The Chinese edition of a note (`content/zh/<slug>.md`, docs/translation.md): parsed by the same
 * pipeline as the English note, compared with it, and turned into a `LocalizedNote`, the
 * Chinese words of every card and question under the English ids.
 *
 * The English note is the master for everything that is not words: ids, types, answer indices,
 * numbers, tolerances, partial orders, linked cards, sources. The comparison reports, at lines of
 * the Chinese file, every place where the edition says something else, so that one card stays one
 * card with one review history in both languages.
 */
import {
  FRONT_MATTER_KEYS,
  TRANSLATION_FRONT_MATTER_KEYS,
  translationFrontMatterSchema,
  type TranslationFrontMatter,
} from "@/app/lib/schemas/content";
import { shortAnswersMatch } from "../quiz/normalize";
import { clozeBack, clozeFront } from "./cloze";
import { parseSource, slugFromPath, type BlockSource, type ParsedBody } from "./parse-note";
import { findSourceMarkers, maskCodeAndMath } from "./source-markers";
import { numbersIn } from "./sources";
import type {
  BlockRef,
  CardItem,
  ContentError,
  DerivedItems,
  Heading,
  ItemSource,
  LocalizedCard,
  LocalizedNote,
  LocalizedQuestion,
  ParsedNote,
  QuizItem,
} from "./types";
import { issuesToMessages } from "./yaml-source";

export interface ParsedTranslation {
  file: string;
  slug: string;
  meta: TranslationFrontMatter;
  /** Lines of the front matter keys. */
  lines: Record<string, number>;
  body: ParsedBody;
}

export type TranslationParse = { ok: true; translation: ParsedTranslation } | { ok: false; errors: ContentError[] };

const HAN = /\p{Script=Han}/gu;

/** Chinese characters (Han script) in a text. */
export function hanCharacters(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** A Chinese edition on its own: its front matter (words only) and its body, every error at its line. */
export function parseTranslation(file: string, text: string): TranslationParse {
  const parsed = parseSource<TranslationFrontMatter>(file, text, "zh", (data, yaml, report) => {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      if (TRANSLATION_FRONT_MATTER_KEYS.includes(key) || !FRONT_MATTER_KEYS.includes(key)) own[key] = value;
      else {
        report(
          yaml.keyLineOf([key]),
          `\`${key}\` comes from the English note: a Chinese edition's front matter holds only title, summary and introduces`,
        );
      }
    }
    const result = translationFrontMatterSchema.safeParse(own);
    if (!result.success) {
      for (const m of issuesToMessages(result.error.issues, yaml, { knownKeys: TRANSLATION_FRONT_MATTER_KEYS, fallbackLine: 1 })) {
        report(m.line, m.message);
      }
    }
    const lines: Record<string, number> = {};
    for (const key of TRANSLATION_FRONT_MATTER_KEYS) if (key in data) lines[key] = yaml.keyLineOf([key]);
    return { meta: result.success ? result.data : undefined, lines };
  });
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    translation: { file, slug: slugFromPath(file), meta: parsed.meta, lines: parsed.lines.frontMatter, body: parsed.body },
  };
}

// ---------------------------------------------------------------- derived prompts

/**
 * The Chinese wording of the derived questions (docs/content-format.md, "Derived items"); their
 * choices (paper names, venues) and answers are the English ones.
 */
export const ZH_DERIVED = {
  introducedPrompt: (idea: string) => `哪篇论文提出了${idea}？`,
  introducedExplanation: (short: string, title: string, venue: string, idea: string, summary: string) =>
    `${short}（*${title}*，${venue}）提出了${idea}。${summary}`,
  yearPrompt: (short: string, title: string) => `${short}（*${title}*）发表于哪一年？`,
  yearExplanation: (short: string, year: number, venue: string) => `${short} 发表于 ${year} 年（${venue}）。`,
  venuePrompt: (short: string, title: string) => `${short}（*${title}*）发表在哪里？`,
  venueExplanation: (short: string, venue: string) => `${short} 发表于 ${venue}。`,
};

// ---------------------------------------------------------------- comparison

export interface Localization {
  /** Set only when the edition matches its English note (no errors). */
  note: LocalizedNote | null;
  errors: ContentError[];
}

/**
 * Compares a Chinese edition with its English note and, when they match, builds the localized
 * view. `derived` holds the English note's derived items (with their sources), whose Chinese
 * versions are derived here: `d-cloze-*` from the n-th Chinese key term (the id of the n-th
 * English one), `d-introduced-<n>`, `d-year` and `d-venue` with Chinese prompts and the English
 * choices and answers.
 */
export function localizeNote(note: ParsedNote, derived: DerivedItems, translation: ParsedTranslation): Localization {
  const errors: ContentError[] = [];
  const file = translation.file;
  const report = (line: number, message: string) => errors.push({ file, line, message });
  const zh = translation.body;
  const at = (line: number) => `${note.file}:${line}`;

  // ------------------------------------------------------------ words
  const { title: zhTitle, summary, introduces } = translation.meta;
  const han = hanCharacters([zhTitle, summary, ...introduces, zh.body].join("\n"));
  if (han === 0) report(1, "no Chinese text: a Chinese edition is written in Chinese (docs/translation.md)");
  const enIdeas = note.meta.introduces ?? [];
  if (translation.meta.introduces.length !== enIdeas.length) {
    report(
      translation.lines.introduces ?? 1,
      `introduces lists ${translation.meta.introduces.length} idea(s), the English note ${enIdeas.length} (${at(note.lines.frontMatter.introduces ?? 1)}): the same ideas in the same order`,
    );
  }

  // ------------------------------------------------------------ headings
  const enHeadings = note.headings;
  const zhHeadings = zh.headings;
  const firstDifference = Array.from({ length: Math.max(enHeadings.length, zhHeadings.length) }, (_, i) => i).find(
    (i) => enHeadings[i]?.depth !== zhHeadings[i]?.depth,
  );
  if (firstDifference !== undefined) {
    const e = enHeadings[firstDifference];
    const z = zhHeadings[firstDifference];
    const line = z?.line ?? zhHeadings.at(-1)?.line ?? zh.bodyStartLine;
    report(
      line,
      `headings differ from the English note's (${enHeadings.length} there: ${levels(enHeadings)}; ${zhHeadings.length} here: ${levels(zhHeadings)}): ` +
        `heading ${firstDifference + 1} is ${e ? `"${"#".repeat(e.depth)} ${e.text}" in English (${at(e.line)})` : "not in English"}` +
        `${z ? ` and "${"#".repeat(z.depth)} ${z.text}" here` : " and missing here"}; translate the same sections in the same order`,
    );
  }
  const anchors: Record<string, string> = {};
  enHeadings.forEach((h, i) => {
    const z = zhHeadings[i];
    if (z) anchors[h.slug] = z.slug;
  });
  const mapAnchor = (anchor: string | null) => (anchor === null ? null : (anchors[anchor] ?? null));
  const mapSource = (source: ItemSource | null | undefined): ItemSource | null =>
    source ? { text: source.text, anchor: mapAnchor(source.anchor) } : null;
  /** The line of this edition's heading at the English section holding `enLine` (where a missing piece belongs). */
  const sectionLine = (enLine: number) => zhHeadings[sectionOf(enLine, enHeadings)]?.line ?? zh.bodyStartLine;
  const sectionName = (index: number, headings: Heading[]) => (index < 0 ? "above the first heading" : `under "${headings[index]?.text ?? ""}"`);

  // ------------------------------------------------------------ key terms
  const enTerms = note.keyTerms;
  const zhTerms = zh.keyTerms;
  if (enTerms.length !== zhTerms.length) {
    const line = zhTerms[Math.min(enTerms.length, zhTerms.length)]?.line ?? zhTerms.at(-1)?.line ?? zh.bodyStartLine;
    report(
      line,
      `the English note marks ${enTerms.length} ==key term(s)==, this edition ${zhTerms.length}: mark the same terms in the same order (the n-th Chinese term is the n-th English one, whose cloze card id it keeps)`,
    );
  }
  const seenTerms = new Map<string, number>();
  zhTerms.forEach((term, i) => {
    const first = seenTerms.get(term.term);
    if (first !== undefined) report(term.line, `==${term.term}== is marked twice (first on line ${first}): mark a term once, where it is defined`);
    else seenTerms.set(term.term, term.line);
    const en = enTerms[i];
    if (en && sectionOf(term.line, zhHeadings) !== sectionOf(en.line, enHeadings)) {
      report(
        term.line,
        `key term ${i + 1}, ==${term.term}==, is ${sectionName(sectionOf(term.line, zhHeadings), zhHeadings)} here, its English term ==${en.term}== ${sectionName(sectionOf(en.line, enHeadings), enHeadings)} (${at(en.line)})`,
      );
    }
  });

  // ------------------------------------------------------------ source markers
  compareMarkers(note, zh, report, sectionLine);

  // ------------------------------------------------------------ blocks: ids, order, sections
  const zhSources = new Map(zh.blockSources.map((b) => [b.line, b]));
  const keyLine = (blockLine: number, key: string) => zhSources.get(blockLine)?.yaml.keyLineOf([key]) ?? blockLine;
  const valueLine = (blockLine: number, path: PropertyKey[]) => zhSources.get(blockLine)?.yaml.lineOf(path) ?? blockLine;
  const keyed = (blocks: BlockRef[]) => blocks.filter((b): b is Exclude<BlockRef, { kind: "widget" }> => b.kind !== "widget");
  const enKeyed = keyed(note.blocks);
  const zhKeyed = keyed(zh.blocks);
  const zhByKey = new Map(zhKeyed.map((b) => [b.key, b]));
  const enByKey = new Map(enKeyed.map((b) => [b.key, b]));
  const idOf = (key: string) => key.slice(key.indexOf("/") + 1);
  const kindName = (kind: "card" | "quiz") => (kind === "card" ? "card" : "question");
  for (const b of enKeyed) {
    const z = zhByKey.get(b.key);
    if (!z) {
      report(
        sectionLine(b.line),
        `${kindName(b.kind)} \`${idOf(b.key)}\` of the English note (${at(b.line)}) is missing in this section: every card and question exists in both languages under the same id`,
      );
    } else if (z.kind !== b.kind) {
      report(z.line, `\`${idOf(b.key)}\` is a ${kindName(b.kind)} in the English note (${at(b.line)}) but a ${kindName(z.kind)} here`);
    } else if (sectionOf(z.line, zhHeadings) !== sectionOf(b.line, enHeadings)) {
      report(
        z.line,
        `${kindName(z.kind)} \`${idOf(b.key)}\` is ${sectionName(sectionOf(z.line, zhHeadings), zhHeadings)} here but ${sectionName(sectionOf(b.line, enHeadings), enHeadings)} in English (${at(b.line)}): keep it in the same section`,
      );
    }
  }
  for (const z of zhKeyed) {
    if (!enByKey.has(z.key)) {
      report(
        keyLine(z.line, "id"),
        `there is no card or question \`${idOf(z.key)}\` in the English note (${note.file}): ids are the English ones, and a new item is written in English first`,
      );
    }
  }
  const enOrder = enKeyed.map((b) => b.key).filter((k) => zhByKey.has(k));
  const zhOrder = zhKeyed.map((b) => b.key).filter((k) => enByKey.has(k));
  const outOfOrder = zhOrder.findIndex((k, i) => k !== enOrder[i]);
  if (outOfOrder !== -1) {
    const z = zhByKey.get(zhOrder[outOfOrder] ?? "");
    report(
      z?.line ?? zh.bodyStartLine,
      `blocks are not in the English order: \`${idOf(zhOrder[outOfOrder] ?? "")}\` comes here where the English note has \`${idOf(enOrder[outOfOrder] ?? "")}\``,
    );
  }

  // ------------------------------------------------------------ widgets
  const enWidgets = note.widgets;
  const zhWidgets = zh.widgets;
  if (enWidgets.length !== zhWidgets.length) {
    const line = zhWidgets[Math.min(enWidgets.length, zhWidgets.length)]?.line ?? zhWidgets.at(-1)?.line ?? zh.bodyStartLine;
    report(line, `the English note has ${enWidgets.length} widget(s), this edition ${zhWidgets.length}`);
  }
  zhWidgets.forEach((w, i) => {
    const e = enWidgets[i];
    if (!e) return;
    if (e.name !== w.name) report(keyLine(w.line, "name"), `widget ${i + 1} is \`${e.name}\` in the English note (${at(e.line)}), \`${w.name}\` here`);
    if ((e.caption === null) !== (w.caption === null)) {
      report(
        w.line,
        e.caption === null
          ? `widget \`${w.name}\` has no caption in the English note (${at(e.line)}): leave it out here too`
          : `widget \`${w.name}\` needs its caption translated (${at(e.line)})`,
      );
    }
    if (sectionOf(w.line, zhHeadings) !== sectionOf(e.line, enHeadings)) {
      report(w.line, `widget \`${w.name}\` is ${sectionName(sectionOf(w.line, zhHeadings), zhHeadings)} here but ${sectionName(sectionOf(e.line, enHeadings), enHeadings)} in English (${at(e.line)})`);
    }
  });

  // ------------------------------------------------------------ cards
  const zhCards = new Map(zh.cards.map((c) => [c.id, c]));
  const cards: Record<string, LocalizedCard> = {};
  for (const card of note.cards) {
    const z = zhCards.get(card.id);
    if (!z) continue; // reported with its block
    if (card.reverseOf === null) compareCard(card, z, report, keyLine, valueLine, at);
    cards[card.id] = { front: z.front, back: z.back, cloze: z.cloze, anchor: mapAnchor(card.anchor), source: mapSource(card.source) };
  }

  // ------------------------------------------------------------ questions
  const zhQuestions = new Map(zh.questions.map((q) => [q.id, q]));
  const questions: Record<string, LocalizedQuestion> = {};
  for (const question of note.questions) {
    const z = zhQuestions.get(question.id);
    if (!z) continue;
    if (!compareQuestion(question, z, report, keyLine, valueLine, at)) continue;
    questions[question.id] = {
      prompt: z.prompt,
      payload: localizedPayload(question, z),
      explanation: z.explanation,
      anchor: mapAnchor(question.anchor),
      source: mapSource(question.source),
      answer: z.answer.type === "short" ? { value: z.answer.value, alternatives: z.answer.alternatives } : null,
    };
  }

  // ------------------------------------------------------------ derived
  const derivedCards = new Map(derived.cards.filter((c) => c.noteSlug === note.slug).map((c) => [c.id, c]));
  enTerms.forEach((en, i) => {
    const term = zhTerms[i];
    const card = derivedCards.get(`d-cloze-${en.slug}`);
    if (!term || !card) return;
    const text = term.sentence.replace(`==${term.term}==`, () => `{{${term.term}}}`);
    cards[card.id] = {
      front: clozeFront(text),
      back: clozeBack(text),
      cloze: { text, deletions: [term.term] },
      anchor: mapAnchor(card.anchor),
      source: mapSource(card.source),
    };
  });
  const meta = note.meta;
  const title = translation.meta.title;
  for (const question of derived.questions) {
    if (question.noteSlug !== note.slug) continue;
    const words = derivedWords(question, meta, translation.meta, title);
    if (!words) continue;
    questions[question.id] = {
      ...words,
      payload: question.payload,
      anchor: mapAnchor(question.anchor),
      source: mapSource(question.source),
      answer: null,
    };
  }

  if (errors.length > 0) return { note: null, errors };
  return {
    errors,
    note: {
      locale: "zh",
      file,
      slug: note.slug,
      title,
      summary: translation.meta.summary,
      introduces: translation.meta.introduces,
      body: zh.body,
      bodyStartLine: zh.bodyStartLine,
      headings: zh.headings,
      blocks: zh.blocks,
      keyTerms: zh.keyTerms,
      anchors,
      cards,
      questions,
      widgets: zh.widgets,
      hash: zh.hash,
      hanCharacters: han,
    },
  };
}

/** Index of the heading a line is under (-1 above the first), as `anchorAt` finds it. */
function sectionOf(line: number, headings: readonly Heading[]): number {
  let index = -1;
  headings.forEach((h, i) => {
    if (h.line < line) index = i;
  });
  return index;
}

function levels(headings: readonly Heading[]): string {
  return headings.map((h) => h.depth).join("") || "none";
}

type Report = (line: number, message: string) => void;
type KeyLine = (blockLine: number, key: string) => number;
type ValueLine = (blockLine: number, path: PropertyKey[]) => number;

/** The `[src: …]` markers of the body (blocks included), each with its file line. */
function markersOf(body: Pick<ParsedBody, "body" | "bodyStartLine">): { text: string; line: number }[] {
  const masked = maskCodeAndMath(body.body);
  const out: { text: string; line: number }[] = [];
  let line = body.bodyStartLine;
  let from = 0;
  for (const marker of findSourceMarkers(masked).markers) {
    // Lines counted in the source: the masking blanks newlines inside code spans too.
    for (let i = from; i < marker.start; i++) if (body.body[i] === "\n") line++;
    from = marker.start;
    out.push({ text: marker.text, line });
  }
  return out;
}

/** The same markers as in English, as many times each (the locators are not translated). */
function compareMarkers(note: ParsedNote, zh: ParsedBody, report: Report, sectionLine: (enLine: number) => number) {
  const en = markersOf(note);
  const here = markersOf(zh);
  const group = (list: { text: string; line: number }[]) => {
    const map = new Map<string, number[]>();
    for (const m of list) map.set(m.text, [...(map.get(m.text) ?? []), m.line]);
    return map;
  };
  const enBy = group(en);
  const zhBy = group(here);
  for (const [text, lines] of zhBy) {
    const enLines = enBy.get(text) ?? [];
    if (lines.length > enLines.length) {
      const line = lines[enLines.length] ?? lines[0] ?? 1;
      report(
        line,
        enLines.length === 0
          ? `[src: ${text}] is not in the English note: the markers are the English ones, locators unchanged`
          : `[src: ${text}] appears ${lines.length} times here, ${enLines.length} in the English note`,
      );
    }
  }
  for (const [text, enLines] of enBy) {
    const lines = zhBy.get(text) ?? [];
    if (lines.length < enLines.length) {
      const missing = enLines[lines.length] ?? enLines[0] ?? 1;
      report(sectionLine(missing), `[src: ${text}] of the English note (${note.file}:${missing}) is missing in this section: keep every source marker, locator unchanged`);
    }
  }
}

function compareCard(en: CardItem, zh: CardItem, report: Report, keyLine: KeyLine, valueLine: ValueLine, at: (line: number) => string) {
  const id = en.id;
  if (en.type !== zh.type) {
    report(keyLine(zh.line, "type"), `card \`${id}\` is ${en.type} in the English note (${at(en.line)}), ${zh.type} here`);
    return;
  }
  if (JSON.stringify(en.tags) !== JSON.stringify(zh.tags)) {
    report(keyLine(zh.line, "tags"), `card \`${id}\`: tags [${zh.tags.join(", ")}] differ from the English [${en.tags.join(", ")}] (tags are not translated)`);
  }
  if (en.cloze && zh.cloze) {
    const e = en.cloze.deletions;
    const z = zh.cloze.deletions;
    if (e.length !== z.length) {
      report(valueLine(zh.line, ["text"]), `card \`${id}\`: ${z.length} cloze deletion(s) here, ${e.length} in the English note (${at(en.line)})`);
      return;
    }
    // Chinese word order may put the deletions in another order: the numbers they hide, taken
    // together, are what must not change.
    const numbers = (deletions: string[]) => deletions.flatMap((d) => numbersIn(d)).sort().join(", ");
    if (numbers(e) !== numbers(z)) {
      report(
        valueLine(zh.line, ["text"]),
        `card \`${id}\`: the deletions hide ${numbers(z) || "no number"} here, ${numbers(e) || "no number"} in the English note (${at(en.line)}): numbers stay as in English`,
      );
    }
  }
}

/** Reports every difference in what is not words; false when the type differs (nothing else to compare). */
function compareQuestion(en: QuizItem, zh: QuizItem, report: Report, keyLine: KeyLine, valueLine: ValueLine, at: (line: number) => string): boolean {
  const id = en.id;
  const where = `the English note (${at(en.line)})`;
  if (en.type !== zh.type) {
    report(keyLine(zh.line, "type"), `question \`${id}\` is ${en.type} in ${where}, ${zh.type} here`);
    return false;
  }
  const enCards = en.cardRefs.map((r) => r.id);
  const zhCards = zh.cardRefs.map((r) => r.id);
  if (JSON.stringify(enCards) !== JSON.stringify(zhCards)) {
    report(keyLine(zh.line, "cards"), `question \`${id}\`: cards [${zhCards.join(", ")}] here, [${enCards.join(", ")}] in ${where}`);
  }
  const differs = (key: string, mine: unknown, theirs: unknown) =>
    report(valueLine(zh.line, [key]), `question \`${id}\`: ${key} ${JSON.stringify(mine)} here, ${JSON.stringify(theirs)} in ${where}`);
  const e = en.answer;
  const z = zh.answer;
  if (e.type === "single" && z.type === "single") {
    const count = (q: QuizItem) => (q.payload.type === "single" ? q.payload.choices.length : 0);
    if (count(en) !== count(zh)) report(keyLine(zh.line, "choices"), `question \`${id}\`: ${count(zh)} choices here, ${count(en)} in ${where} (choice i is the translation of English choice i)`);
    if (e.index !== z.index) differs("answer", z.index, e.index);
  } else if (e.type === "multiple" && z.type === "multiple") {
    const count = (q: QuizItem) => (q.payload.type === "multiple" ? q.payload.choices.length : 0);
    if (count(en) !== count(zh)) report(keyLine(zh.line, "choices"), `question \`${id}\`: ${count(zh)} choices here, ${count(en)} in ${where} (choice i is the translation of English choice i)`);
    if (JSON.stringify(e.indices) !== JSON.stringify(z.indices)) differs("answer", z.indices, e.indices);
  } else if (e.type === "truefalse" && z.type === "truefalse") {
    if (e.value !== z.value) differs("answer", z.value, e.value);
  } else if (e.type === "numeric" && z.type === "numeric") {
    if (e.value !== z.value) differs("answer", z.value, e.value);
    if (e.tolerance !== z.tolerance) differs("tolerance", z.tolerance, e.tolerance);
    const unit = (q: QuizItem) => q.payload.type === "numeric" && q.payload.unit !== undefined;
    if (unit(en) !== unit(zh)) {
      report(zh.line, unit(en) ? `question \`${id}\`: the English question has a unit (${where}): translate it here` : `question \`${id}\`: the English question has no unit (${where})`);
    }
  } else if (e.type === "short" && z.type === "short") {
    const accepted = [z.value, ...z.alternatives];
    if (!accepted.some((a) => shortAnswersMatch(e.value, a))) {
      report(
        keyLine(zh.line, z.alternatives.length > 0 ? "alternatives" : "answer"),
        `question \`${id}\`: the English answer "${e.value}" must be among this edition's answer and alternatives (a Chinese reader may answer in English)`,
      );
    }
  } else if (e.type === "ordering" && z.type === "ordering") {
    if (e.items.length !== z.items.length) report(keyLine(zh.line, "items"), `question \`${id}\`: ${z.items.length} items here, ${e.items.length} in ${where} (item i is the translation of English item i)`);
    if (JSON.stringify(e.before ?? null) !== JSON.stringify(z.before ?? null)) differs("before", z.before ?? null, e.before ?? null);
  }
  return true;
}

/**
 * The Chinese payload, in the English payload's order: choices as listed (the English ones are
 * not reordered), an ordering question's items shuffled exactly as the English items were.
 */
function localizedPayload(en: QuizItem, zh: QuizItem): LocalizedQuestion["payload"] {
  if (en.payload.type === "ordering" && en.answer.type === "ordering" && zh.answer.type === "ordering") {
    const right = en.answer.items;
    const translated = zh.answer.items;
    return { type: "ordering", items: en.payload.items.map((item) => translated[right.indexOf(item)] ?? item) };
  }
  return zh.payload;
}

function derivedWords(
  question: QuizItem,
  meta: ParsedNote["meta"],
  words: TranslationFrontMatter,
  title: string,
): { prompt: string; explanation: string } | null {
  const venue = meta.venue ?? "";
  const introduced = /^d-introduced-(\d+)$/.exec(question.id);
  if (introduced) {
    const idea = words.introduces[Number(introduced[1]) - 1];
    if (idea === undefined) return null;
    return {
      prompt: ZH_DERIVED.introducedPrompt(idea),
      explanation: ZH_DERIVED.introducedExplanation(meta.short, title, venue, idea, words.summary),
    };
  }
  if (question.id === "d-year" && meta.year !== undefined) {
    return { prompt: ZH_DERIVED.yearPrompt(meta.short, title), explanation: ZH_DERIVED.yearExplanation(meta.short, meta.year, venue) };
  }
  if (question.id === "d-venue") {
    return { prompt: ZH_DERIVED.venuePrompt(meta.short, title), explanation: ZH_DERIVED.venueExplanation(meta.short, venue) };
  }
  return null;
}

export type { BlockSource };
