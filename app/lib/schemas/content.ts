/**
 * Zod schemas for the content files (docs/content-format.md): note front matter and the
 * YAML bodies of ```card, ```quiz and ```widget blocks, plus the JSON shapes of a question's
 * payload and answer as the pipeline hands them to the database.
 *
 * Every object is strict: a misspelt key is an error, never silently dropped data. Rules that
 * compare two keys (an answer index against the number of choices) run even when other keys
 * are wrong, so that one check run reports every mistake in a block.
 */
import { z } from "zod";
import { parseCloze } from "@/app/lib/domain/content/cloze";
import { WIDGET_NAMES } from "@/app/lib/domain/content/widget-names";
import { QUESTION_TYPES, type QuestionType } from "@/app/lib/domain/quiz/types";
import { beforeProblems } from "@/app/lib/domain/quiz/partial-order";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Prefix of the ids the pipeline derives; authors may not use it, so ids never clash. */
export const DERIVED_ID_PREFIX = "d-";

export const NOTE_KINDS = ["paper", "concept"] as const;
import { NOTE_AREAS } from "./areas";
export { NOTE_AREAS, type NoteArea } from "./areas";
export const CARD_TYPES = ["basic", "reverse", "cloze"] as const;

export type NoteKind = (typeof NOTE_KINDS)[number];
export type CardType = (typeof CARD_TYPES)[number];
/** A quiz block's type: the question types scoring knows (one list, in the quiz domain). */
export type QuizType = QuestionType;

// Runs a cross-key rule even when another key already failed (zod skips refinements then).
const always = { when: () => true };

/** Markdown text. YAML reads `back: 65536` as a number; the author meant the text. */
const text = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z
      .string({ error: `${what} must be text` })
      .trim()
      .min(1, { error: `${what} must not be empty` }),
  );

const slug = z.string({ error: "must be a slug" }).regex(SLUG_PATTERN, {
  error: "must be lowercase letters, digits and dashes (a note's file name without .md)",
});

const tag = z
  .string({ error: "a tag must be text" })
  .regex(SLUG_PATTERN, { error: "tags are lowercase letters, digits and dashes" });

export const itemIdSchema = z
  .string({ error: "id must be text" })
  .regex(SLUG_PATTERN, {
    error: "id must be lowercase letters, digits and dashes, e.g. queue-size",
  })
  .refine((id) => !id.startsWith(DERIVED_ID_PREFIX), {
    error: `ids starting with "${DERIVED_ID_PREFIX}" are reserved for derived items`,
  });

function uniqueList<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `${what} must be a list` }).superRefine((list, ctx) => {
    const seen = new Set<unknown>();
    list.forEach((value, index) => {
      if (seen.has(value))
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `${what} lists ${String(value)} twice`,
        });
      seen.add(value);
    });
  });
}

// ---------------------------------------------------------------- front matter

const frontMatterShape = {
  title: text("title"),
  short: text("short"),
  area: z.enum(NOTE_AREAS, { error: `area must be one of ${NOTE_AREAS.join(", ")}` }),
  tags: uniqueList(tag, "tags")
    .min(1, { error: "tags needs at least 1 tag" })
    .max(8, { error: "tags allows at most 8 tags" }),
  prerequisites: uniqueList(slug, "prerequisites").default([]),
  summary: z
    .string({ error: "summary must be text" })
    .trim()
    .min(20, { error: "summary must be at least 20 characters" })
    .max(300, { error: "summary must be at most 300 characters" }),
};

const year = z.int({ error: "year must be a whole number" }).min(1900).max(2100);
const venue = text("venue");
const link = z.url({ protocol: /^https?$/, error: "link must be an http(s) URL" });
const authors = z.array(text("an author"), { error: "authors must be a list" });
const introduces = uniqueList(text("an idea"), "introduces").max(6, {
  error: "introduces allows at most 6 ideas",
});

export const paperFrontMatterSchema = z.strictObject({
  ...frontMatterShape,
  kind: z.literal("paper", { error: 'kind must be "paper" or "concept"' }),
  authors: authors.min(1, { error: "a paper needs at least 1 author" }),
  year,
  venue,
  link,
  introduces: introduces.min(1, { error: "a paper introduces at least 1 idea" }),
});

export const conceptFrontMatterSchema = z.strictObject({
  ...frontMatterShape,
  kind: z.literal("concept"),
  authors: authors.default([]),
  year: year.optional(),
  venue: venue.optional(),
  link: link.optional(),
  introduces: introduces.default([]),
});

export const frontMatterSchema = z.discriminatedUnion("kind", [
  paperFrontMatterSchema,
  conceptFrontMatterSchema,
]);

export type PaperFrontMatter = z.output<typeof paperFrontMatterSchema>;
export type ConceptFrontMatter = z.output<typeof conceptFrontMatterSchema>;
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** All keys front matter may have; used to suggest the intended key for a typo. */
export const FRONT_MATTER_KEYS = Object.keys(paperFrontMatterSchema.shape);

/**
 * The schema to check a raw front matter map against. An unknown or missing `kind` is
 * checked as a paper (the stricter set) so that every other mistake is reported too.
 */
export function frontMatterSchemaFor(raw: unknown) {
  return isRecord(raw) && raw.kind === "concept"
    ? conceptFrontMatterSchema
    : paperFrontMatterSchema;
}

/**
 * The front matter of a Chinese edition (`content/zh/<slug>.md`, docs/translation.md): words
 * only. Everything else (short, kind, authors, year, venue, link, area, tags, prerequisites)
 * comes from the English note.
 */
export const translationFrontMatterSchema = z.strictObject({
  title: text("title"),
  summary: z
    .string({ error: "summary must be text" })
    .trim()
    .min(10, { error: "summary must be at least 10 characters" })
    .max(300, { error: "summary must be at most 300 characters" }),
  introduces: introduces.default([]),
});
export type TranslationFrontMatter = z.output<typeof translationFrontMatterSchema>;
export const TRANSLATION_FRONT_MATTER_KEYS = Object.keys(translationFrontMatterSchema.shape);

// ---------------------------------------------------------------- cards

const cardTags = uniqueList(tag, "tags").optional();

export const basicCardSchema = z.strictObject({
  id: itemIdSchema,
  type: z.literal("basic"),
  front: text("front"),
  back: text("back"),
  tags: cardTags,
});

export const reverseCardSchema = z.strictObject({
  id: itemIdSchema,
  type: z.literal("reverse"),
  front: text("front"),
  back: text("back"),
  tags: cardTags,
});

export const clozeCardSchema = z.strictObject({
  id: itemIdSchema,
  type: z.literal("cloze"),
  text: text("text").superRefine((value, ctx) => {
    for (const problem of parseCloze(value).problems)
      ctx.addIssue({ code: "custom", message: problem });
  }),
  tags: cardTags,
});

export const cardBlockSchema = z.discriminatedUnion("type", [
  basicCardSchema,
  reverseCardSchema,
  clozeCardSchema,
]);
export type CardBlock = z.output<typeof cardBlockSchema>;

const unknownTypeSchema = (what: string, types: readonly string[]) =>
  z.looseObject({
    id: itemIdSchema,
    type: z.string().refine((t) => types.includes(t), {
      error: `${what} type must be one of ${types.join(", ")}`,
    }),
  });

/** Picks the schema for a block's `type`, or one that reports the bad type (and id). */
export function cardSchemaFor(raw: unknown) {
  const type = isRecord(raw) ? raw.type : undefined;
  if (type === "basic") return basicCardSchema;
  if (type === "reverse") return reverseCardSchema;
  if (type === "cloze") return clozeCardSchema;
  return unknownTypeSchema("card", CARD_TYPES);
}

// ---------------------------------------------------------------- quiz questions

const quizCommon = {
  id: itemIdSchema,
  prompt: text("prompt"),
  explanation: text("explanation"),
  // May name derived cards too (d-cloze-...), so only the shape of an id is checked here.
  cards: uniqueList(
    z
      .string({ error: "cards lists card ids" })
      .regex(SLUG_PATTERN, { error: "cards lists card ids (lowercase-dashed)" }),
    "cards",
  ).optional(),
};

const choices = (min: number, max: number) =>
  uniqueList(text("a choice"), "choices")
    .min(min, { error: `needs ${min} to ${max} choices` })
    .max(max, { error: `needs ${min} to ${max} choices` });

const index = z
  .int({ error: "answer must be a 0-based index (a whole number)" })
  .min(0, { error: "answer indices start at 0" });

function choiceCount(value: { choices?: unknown }): number | undefined {
  return Array.isArray(value.choices) ? value.choices.length : undefined;
}

export const singleQuizSchema = z
  .strictObject({ ...quizCommon, type: z.literal("single"), choices: choices(2, 6), answer: index })
  .superRefine((value, ctx) => {
    const count = choiceCount(value);
    if (count !== undefined && typeof value.answer === "number" && value.answer >= count) {
      ctx.addIssue({
        code: "custom",
        path: ["answer"],
        message: `answer ${value.answer} is out of range: there are ${count} choices (indices 0 to ${count - 1})`,
      });
    }
  }, always);

export const multipleQuizSchema = z
  .strictObject({
    ...quizCommon,
    type: z.literal("multiple"),
    choices: choices(3, 8),
    answer: uniqueList(index, "answer").min(1, { error: "answer must list at least 1 index" }),
  })
  .superRefine((value, ctx) => {
    const count = choiceCount(value);
    if (count === undefined || !Array.isArray(value.answer)) return;
    value.answer.forEach((i, at) => {
      if (typeof i === "number" && i >= count) {
        ctx.addIssue({
          code: "custom",
          path: ["answer", at],
          message: `answer index ${i} is out of range: there are ${count} choices (indices 0 to ${count - 1})`,
        });
      }
    });
  }, always);

export const trueFalseQuizSchema = z.strictObject({
  ...quizCommon,
  type: z.literal("truefalse"),
  answer: z.boolean({ error: "answer must be true or false (unquoted)" }),
});

export const shortQuizSchema = z.strictObject({
  ...quizCommon,
  type: z.literal("short"),
  answer: text("answer"),
  alternatives: uniqueList(text("an alternative"), "alternatives").optional(),
});

export const numericQuizSchema = z.strictObject({
  ...quizCommon,
  type: z.literal("numeric"),
  answer: z
    .number({ error: "answer must be a number" })
    .refine(Number.isFinite, { error: "answer must be finite" }),
  tolerance: z
    .number({ error: "tolerance must be a number" })
    .min(0, { error: "tolerance must be ≥ 0" }),
  unit: text("unit").optional(),
});

const itemIndex = z.int({ error: "before pairs hold 0-based item indices (whole numbers)" });

export const orderingQuizSchema = z
  .strictObject({
    ...quizCommon,
    type: z.literal("ordering"),
    items: uniqueList(text("an item"), "items")
      .min(3, { error: "ordering needs 3 to 8 items" })
      .max(8, { error: "ordering needs 3 to 8 items" }),
    /** Partial order: `[i, j]` = item i must come before item j; only these are scored. */
    before: z
      .array(z.tuple([itemIndex, itemIndex], { error: "before pairs are [i, j]: two item indices" }), {
        error: "before must be a list of [i, j] pairs",
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    const before: unknown = value.before;
    if (!Array.isArray(value.items) || !Array.isArray(before)) return;
    // Malformed pairs were reported by the tuple schema above.
    if (!before.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger))) return;
    for (const problem of beforeProblems(before as number[][], value.items.length)) {
      ctx.addIssue({ code: "custom", path: problem.at === null ? ["before"] : ["before", problem.at], message: problem.message });
    }
  }, always);

export const quizBlockSchema = z.discriminatedUnion("type", [
  singleQuizSchema,
  multipleQuizSchema,
  trueFalseQuizSchema,
  shortQuizSchema,
  numericQuizSchema,
  orderingQuizSchema,
]);
export type QuizBlock = z.output<typeof quizBlockSchema>;

export function quizSchemaFor(raw: unknown) {
  const type = isRecord(raw) ? raw.type : undefined;
  switch (type) {
    case "single":
      return singleQuizSchema;
    case "multiple":
      return multipleQuizSchema;
    case "truefalse":
      return trueFalseQuizSchema;
    case "short":
      return shortQuizSchema;
    case "numeric":
      return numericQuizSchema;
    case "ordering":
      return orderingQuizSchema;
    default:
      return unknownTypeSchema("quiz", QUESTION_TYPES);
  }
}

// ---------------------------------------------------------------- widgets

export const widgetBlockSchema = z.strictObject({
  name: z.enum(WIDGET_NAMES, {
    error: `name must be a registered widget: ${WIDGET_NAMES.join(", ")}`,
  }),
  caption: text("caption").optional(),
});
export type WidgetBlock = z.output<typeof widgetBlockSchema>;

// ---------------------------------------------------------------- what a question stores

/** What the learner is shown. Never contains the answer (ordering items come shuffled). */
export const quizPayloadSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), choices: z.array(z.string()) }),
  z.strictObject({ type: z.literal("multiple"), choices: z.array(z.string()) }),
  z.strictObject({ type: z.literal("truefalse") }),
  z.strictObject({ type: z.literal("short") }),
  z.strictObject({ type: z.literal("numeric"), unit: z.string().optional() }),
  z.strictObject({ type: z.literal("ordering"), items: z.array(z.string()) }),
]);
export type QuizPayload = z.output<typeof quizPayloadSchema>;

/** The answer key, kept apart from the payload so it is only read when scoring. */
export const quizAnswerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), index: z.int() }),
  z.strictObject({ type: z.literal("multiple"), indices: z.array(z.int()) }),
  z.strictObject({ type: z.literal("truefalse"), value: z.boolean() }),
  z.strictObject({
    type: z.literal("short"),
    value: z.string(),
    alternatives: z.array(z.string()),
    /**
     * The Chinese edition's answer and alternatives, stored by the sync beside the English ones
     * (never in the pipeline's item, so never in its hash): both languages are accepted.
     */
    zh: z.strictObject({ value: z.string(), alternatives: z.array(z.string()) }).optional(),
  }),
  z.strictObject({ type: z.literal("numeric"), value: z.number(), tolerance: z.number() }),
  /**
   * `items` in a right order (the payload holds the same strings shuffled); `before`, only for
   * a partial order, the `[i, j]` pairs that are scored (absent: the order of `items` is total).
   */
  z.strictObject({
    type: z.literal("ordering"),
    items: z.array(z.string()),
    before: z.array(z.tuple([z.int(), z.int()])).optional(),
  }),
]);
export type QuizAnswer = z.output<typeof quizAnswerSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
