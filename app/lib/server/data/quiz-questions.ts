import "#server-only";
import { renderMarkdown } from "@/app/lib/domain/content";
import {
  eitherOrderPairs,
  fromStoredQuestion,
  presentQuestion,
  questionSeed,
  satisfiedPairs,
  type QuizQuestion,
} from "@/app/lib/domain/quiz";
import { areaLabel, areaRank } from "@/app/lib/schemas/areas";
import { sourceLinkOf, type SourceLink } from "@/app/lib/schemas/rendered-note";
import { db } from "../db";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { paperTitleIn } from "./localized-text";
import { visiblePapers } from "./visibility";

/**
 * Quiz questions as the server reads them, and the two shapes the page gets:
 * `QuestionView` (before answering: never the answer, nor which note the question is from,
 * since a derived "Which paper introduced …?" would give itself away) and
 * `QuestionFeedback` (after answering: the right answer, the explanation, the passage).
 */

export const questionSelect = {
  id: true,
  key: true,
  type: true,
  prompt: true,
  payload: true,
  answer: true,
  explanation: true,
  anchor: true,
  source: true,
  paper: { select: { slug: true, short: true } },
} as const;

export interface QuestionRow {
  id: string;
  key: string;
  type: string;
  prompt: string;
  payload: unknown;
  answer: unknown;
  explanation: string;
  anchor: string;
  /** QuizQuestion.source: JSON, or null. */
  source: unknown;
  paper: { slug: string; short: string };
}

/** A question with its answer, as `scoreAnswer` and `presentQuestion` take it. */
export const toQuizQuestion = fromStoredQuestion;

/** The seed of one question's shuffle within an attempt. */
export const presentationSeed = questionSeed;

// ---------------------------------------------------------------- rendering

const MARKDOWN_SIGNS = /[*_`$\\[\]<>&=#~|!{}]|^\s*(?:[-+]|\d+[.)])\s/;
const rendered = new Map<string, string>();
const RENDER_CACHE_LIMIT = 4000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown → HTML (math, code, key terms); plain text skips the parser. Cached by text. */
export function renderQuizMarkdown(markdown: string, inline = false): string {
  const cacheKey = (inline ? "i:" : "b:") + markdown;
  const hit = rendered.get(cacheKey);
  if (hit !== undefined) return hit;
  let html: string;
  if (!MARKDOWN_SIGNS.test(markdown)) {
    html = inline ? escapeHtml(markdown) : `<p>${escapeHtml(markdown)}</p>`;
  } else {
    html = renderMarkdown(markdown).trim();
    const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
    if (inline && single?.[1] !== undefined && !single[1].includes("<p>")) html = single[1];
  }
  if (rendered.size >= RENDER_CACHE_LIMIT) rendered.clear();
  rendered.set(cacheKey, html);
  return html;
}

// ---------------------------------------------------------------- views

export type QuestionView = {
  id: string;
  /** 0-based position in the attempt. */
  position: number;
  promptHtml: string;
} & (
  | { type: "single" | "multiple"; choicesHtml: string[] }
  | { type: "ordering"; itemsHtml: string[] }
  | { type: "numeric"; unit: string | null }
  | { type: "truefalse" | "short" }
);

export interface QuestionFeedback {
  questionId: string;
  position: number;
  type: QuizQuestion["type"];
  promptHtml: string;
  score: number;
  correct: boolean;
  /** The user's answer, as HTML fragments (one per choice or item); [] when skipped. */
  yours: string[];
  /** The right answer, as HTML fragments. */
  right: string[];
  /** Short answers: the other accepted spellings. */
  alsoAccepted: string[];
  /**
   * Ordering questions with `before` (a partial order; `right` is then one right order): each
   * scored pair, item HTML, with whether the answer kept it, and the pairs that may come in
   * either order. null for every other question.
   */
  partialOrder: PartialOrderFeedback | null;
  explanationHtml: string;
  /** `/papers/<slug>#<anchor>`: the passage this question tests. */
  passageHref: string;
  /** Numeric answers: where the number comes from in the paper ("Source: Table 1"). */
  source: SourceLink | null;
  noteShort: string;
  timeMs: number;
}

export interface PartialOrderFeedback {
  pairs: { before: string; after: string; kept: boolean }[];
  either: { first: string; second: string }[];
}

/** What the user sees before answering. Built from the payload side only, plus the seed. */
export function questionView(row: QuestionRow, attemptSeed: string, position: number): QuestionView {
  const question = toQuizQuestion(row);
  const { view } = presentQuestion(question, presentationSeed(attemptSeed, row.id));
  const promptHtml = renderQuizMarkdown(row.prompt);
  const base = { id: row.id, position, promptHtml };
  switch (view.type) {
    case "single":
    case "multiple":
      return { ...base, type: view.type, choicesHtml: view.choices.map((c) => renderQuizMarkdown(c, true)) };
    case "ordering":
      return { ...base, type: "ordering", itemsHtml: view.items.map((c) => renderQuizMarkdown(c, true)) };
    case "numeric":
      return { ...base, type: "numeric", unit: view.unit ?? null };
    case "truefalse":
    case "short":
      return { ...base, type: view.type };
  }
}

export function passageHref(row: Pick<QuestionRow, "anchor" | "paper">): string {
  return `/papers/${row.paper.slug}${row.anchor ? `#${row.anchor}` : ""}`;
}

/**
 * The feedback for one answered question. `response` is stored in original indices
 * (what `scoreAnswer` saw), so it reads without the seed.
 */
export function questionFeedback(
  row: QuestionRow,
  answer: { response: unknown; score: number; correct: boolean; timeMs: number },
  position: number,
): QuestionFeedback {
  const question = toQuizQuestion(row);
  const inline = (text: string) => renderQuizMarkdown(text, true);
  let yours: string[] = [];
  let right: string[] = [];
  let alsoAccepted: string[] = [];
  let partialOrder: PartialOrderFeedback | null = null;
  const response = answer.response;
  const indices = (value: unknown): number[] =>
    Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : typeof value === "number" ? [value] : [];
  switch (question.type) {
    case "single":
    case "multiple": {
      const choices = question.choices;
      yours = indices(response).map((i) => inline(choices[i] ?? "?"));
      right = (question.type === "single" ? [question.answer] : [...question.answer]).map((i) => inline(choices[i] ?? "?"));
      break;
    }
    case "ordering": {
      yours = indices(response).map((i) => inline(question.items[i] ?? "?"));
      right = question.items.map(inline);
      const before = question.before;
      if (before) {
        const item = (i: number) => inline(question.items[i] ?? "?");
        const kept = satisfiedPairs(indices(response), before);
        partialOrder = {
          pairs: before.map(([i, j], at) => ({ before: item(i), after: item(j), kept: kept[at] ?? false })),
          either: eitherOrderPairs(question.items.length, before).map(([a, b]) => ({ first: item(a), second: item(b) })),
        };
      }
      break;
    }
    case "truefalse":
      yours = typeof response === "boolean" ? [response ? "True" : "False"] : [];
      right = [question.answer ? "True" : "False"];
      break;
    case "short":
      yours = typeof response === "string" && response.trim() ? [escapeHtml(response)] : [];
      right = [escapeHtml(question.answer)];
      alsoAccepted = (question.alternatives ?? []).map(escapeHtml);
      break;
    case "numeric": {
      const unit = question.unit ? ` ${escapeHtml(question.unit)}` : "";
      yours = (typeof response === "string" && response.trim()) || typeof response === "number" ? [escapeHtml(String(response))] : [];
      right = [`${question.answer}${unit}${question.tolerance > 0 ? ` (± ${question.tolerance})` : ""}`];
      break;
    }
  }
  return {
    questionId: row.id,
    position,
    type: question.type,
    promptHtml: renderQuizMarkdown(row.prompt),
    score: answer.score,
    correct: answer.correct,
    yours,
    right,
    alsoAccepted,
    partialOrder,
    explanationHtml: renderQuizMarkdown(row.explanation),
    passageHref: passageHref(row),
    source: sourceLinkOf(row.source, row.paper.slug),
    noteShort: row.paper.short,
    timeMs: answer.timeMs,
  };
}

// ---------------------------------------------------------------- sources

export interface QuizSourceNote {
  slug: string;
  short: string;
  /** The note's title in the reader's language when it has it (`titleIn` says which). */
  title: string;
  titleIn: Locale;
  questionCount: number;
}

export interface QuizSourceArea {
  area: string;
  label: string;
  notes: QuizSourceNote[];
  questionCount: number;
}

/** Every area with its notes that have questions still asked, in corpus order (with the reader's own notes). */
export async function listQuizSources(userId: string | null = null, locale: Locale = "en"): Promise<QuizSourceArea[]> {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, ...visiblePapers(userId) },
    orderBy: [{ sortKey: "asc" }, { slug: "asc" }],
    select: { slug: true, short: true, title: true, zh: true, area: true, _count: { select: { questions: { where: { retiredAt: null } } } } },
  });
  const byArea = new Map<string, QuizSourceNote[]>();
  for (const paper of papers) {
    if (paper._count.questions === 0) continue;
    const list = byArea.get(paper.area) ?? [];
    const title = paperTitleIn(paper, locale);
    list.push({ slug: paper.slug, short: paper.short, title: title.text, titleIn: title.shownIn, questionCount: paper._count.questions });
    byArea.set(paper.area, list);
  }
  return [...byArea.entries()]
    .sort(([a], [b]) => areaRank(a) - areaRank(b) || a.localeCompare(b))
    .map(([area, notes]) => ({
      area,
      label: areaLabel(area),
      notes,
      questionCount: notes.reduce((sum, n) => sum + n.questionCount, 0),
    }));
}

export interface AssemblyQuestion {
  key: string;
  noteSlug: string;
  cardIds: string[];
  /** See AssemblableQuestion.group. */
  group?: string;
}

/**
 * Active questions (never retired ones, nor those of retired notes), light enough to assemble
 * from: the corpus's and those of `userId`'s own notes (none for a guest).
 */
export async function loadAssemblyQuestions(
  filter: { slugs?: string[]; areas?: string[]; ids?: string[]; userId?: string | null } = {},
): Promise<AssemblyQuestion[]> {
  const rows = await db.quizQuestion.findMany({
    where: {
      retiredAt: null,
      ...(filter.ids ? { id: { in: filter.ids } } : {}),
      paper: {
        retiredAt: null,
        ...visiblePapers(filter.userId),
        ...(filter.slugs ? { slug: { in: filter.slugs } } : {}),
        ...(filter.areas ? { area: { in: filter.areas } } : {}),
      },
    },
    orderBy: [{ paperId: "asc" }, { position: "asc" }],
    select: { id: true, key: true, paper: { select: { slug: true } }, cards: { select: { cardId: true } } },
  });
  return rows.map((row) => ({
    key: row.id,
    noteSlug: row.paper.slug,
    cardIds: row.cards.map((c) => c.cardId),
    // Every derived "which paper introduced …?" of a note has that note as its answer.
    group: row.key.startsWith("d-introduced-") ? "which-paper" : undefined,
  }));
}
