/**
 * A note's fenced ```card, ```quiz and ```widget blocks: each block's YAML checked against its
 * schema (every problem at its line), then built into the note's cards, questions and widgets.
 */
import {
  cardBlockSchema,
  cardSchemaFor,
  quizBlockSchema,
  quizSchemaFor,
  widgetBlockSchema,
} from "@/app/lib/schemas/content";
import { contentMessage } from "./content-error-codes";
import { isRecord } from "./is-record";
import { cardsFromBlock, finishQuestion, itemKey, payloadAndAnswer } from "./items";
import type { BlockLang } from "./markdown";
import { checkMathIn, checkSourceMarkersIn, type Report } from "./note-text-checks";
import type { BlockRef, CardItem, QuizItem, WidgetItem } from "./types";
import { issuesToMessages, readYaml, type YamlSource } from "./yaml-source";

const BLOCK_EXAMPLE: Record<BlockLang, string> = {
  card: "id: ..., type: basic, front: ..., back: ...",
  quiz: "id: ..., type: single, prompt: ..., choices: [...], answer: 0, explanation: ...",
  widget: "name: ..., caption: ...",
};

/** A fenced block as the markdown parser found it: its language, YAML text and opening line. */
export interface RawBlock {
  lang: BlockLang;
  value: string;
  line: number;
}

/** A fenced block's YAML as written, kept for comparing a translation with its English note. */
export interface BlockSource {
  lang: BlockLang;
  line: number;
  data: Record<string, unknown>;
  yaml: YamlSource;
}

export interface ReadBlocks {
  cards: CardItem[];
  questions: QuizItem[];
  widgets: WidgetItem[];
  blocks: BlockRef[];
  blockSources: BlockSource[];
}

export function readBlocks(
  rawBlocks: RawBlock[],
  slug: string,
  anchorAt: (line: number) => string | null,
  report: Report,
): ReadBlocks {
  const cards: CardItem[] = [];
  const questions: QuizItem[] = [];
  const widgets: WidgetItem[] = [];
  const blocks: BlockRef[] = [];
  const blockSources: BlockSource[] = [];

  for (const block of rawBlocks) {
    const yaml = readYaml(block.value, block.line + 1, block.line);
    for (const { line, ...problem } of yaml.errors) report(line, problem);
    if (yaml.data === undefined) continue;
    if (!isRecord(yaml.data)) {
      report(block.line, contentMessage("blockNotKeys", { lang: block.lang, example: BLOCK_EXAMPLE[block.lang] }));
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
  return { cards, questions, widgets, blocks, blockSources };
}

function reportIssues(
  issues: Parameters<typeof issuesToMessages>[0],
  yaml: YamlSource,
  knownKeys: string[],
  blockLine: number,
  report: Report,
) {
  for (const { line, ...problem } of issuesToMessages(issues, yaml, { knownKeys, fallbackLine: blockLine })) report(line, problem);
}
