/**
 * Card and quiz blocks ↔ the editor's "Add a card / question here" form (issue 17). The form
 * holds plain strings and lists so it can be bound to inputs; the block is the ```card /
 * ```quiz fence of docs/content-format.md. Reading is lenient (a half-written block still fills
 * the form: the note checker reports what is wrong), writing emits YAML that the content parser
 * reads back to the same values. Keys the form has no field for (`before`, a typo) are kept
 * as they were, so editing a block through the form never drops text.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";

export const CARD_TYPES = ["basic", "reverse", "cloze"] as const;
export const QUIZ_TYPES = ["single", "multiple", "truefalse", "short", "numeric", "ordering"] as const;
export type CardType = (typeof CARD_TYPES)[number];
export type QuizType = (typeof QUIZ_TYPES)[number];

export interface CardForm {
  kind: "card";
  id: string;
  type: CardType;
  /** basic/reverse */
  front: string;
  back: string;
  /** cloze: the sentence with {{deletions}} */
  text: string;
  tags: string[];
  /** Keys the form does not edit, in their order, as YAML values (kept on rewrite). */
  extra: [string, unknown][];
}

export interface QuizForm {
  kind: "quiz";
  id: string;
  type: QuizType;
  prompt: string;
  /** single/multiple: the choices; ordering: the items in the right order. */
  choices: string[];
  /** single: one index; multiple: the right indices (ascending). */
  correct: number[];
  /** truefalse */
  truth: boolean;
  /** short: the answer; numeric: the number as typed. */
  answer: string;
  alternatives: string[];
  tolerance: string;
  unit: string;
  explanation: string;
  cards: string[];
  extra: [string, unknown][];
}

export type BlockForm = CardForm | QuizForm;

export function emptyCardForm(type: CardType = "basic"): CardForm {
  return { kind: "card", id: "", type, front: "", back: "", text: "", tags: [], extra: [] };
}

export function emptyQuizForm(type: QuizType = "single"): QuizForm {
  return {
    kind: "quiz",
    id: "",
    type,
    prompt: "",
    choices: type === "ordering" ? ["", "", ""] : type === "single" ? ["", ""] : type === "multiple" ? ["", "", ""] : [],
    correct: type === "single" ? [0] : [],
    truth: true,
    answer: "",
    alternatives: [],
    tolerance: "",
    unit: "",
    explanation: "",
    cards: [],
    extra: [],
  };
}

// ------------------------------------------------------------------ reading

const CARD_KEYS = new Set(["id", "type", "front", "back", "text", "tags"]);
const QUIZ_KEYS = new Set(["id", "type", "prompt", "choices", "items", "answer", "alternatives", "tolerance", "unit", "explanation", "cards"]);

const asText = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v));
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(asText) : v === null || v === undefined || v === "" ? [] : [asText(v)]);

/** The YAML body of a block (between its fences) → the form; never throws. */
export function formFromBlock(kind: "card" | "quiz", yamlBody: string): BlockForm {
  let data: Record<string, unknown> = {};
  try {
    const value: unknown = parseDocument(yamlBody).toJS();
    if (value && typeof value === "object" && !Array.isArray(value)) data = value as Record<string, unknown>;
  } catch {
    // Unreadable YAML: an empty form (the checker names the problem at its line).
  }
  if (kind === "card") {
    const type = (CARD_TYPES as readonly string[]).includes(String(data.type)) ? (data.type as CardType) : "basic";
    return {
      kind: "card",
      id: asText(data.id),
      type,
      front: asText(data.front),
      back: asText(data.back),
      text: asText(data.text),
      tags: asList(data.tags),
      extra: Object.entries(data).filter(([key]) => !CARD_KEYS.has(key)),
    };
  }
  const type = (QUIZ_TYPES as readonly string[]).includes(String(data.type)) ? (data.type as QuizType) : "single";
  const form = emptyQuizForm(type);
  form.id = asText(data.id);
  form.prompt = asText(data.prompt);
  form.explanation = asText(data.explanation);
  form.cards = asList(data.cards);
  form.extra = Object.entries(data).filter(([key]) => !QUIZ_KEYS.has(key));
  if (type === "single" || type === "multiple") {
    form.choices = asList(data.choices);
    const answer = Array.isArray(data.answer) ? data.answer : data.answer === undefined || data.answer === null ? [] : [data.answer];
    form.correct = answer.map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  } else if (type === "ordering") {
    form.choices = asList(data.items);
  } else if (type === "truefalse") {
    form.truth = data.answer !== false && data.answer !== "false";
  } else {
    form.answer = asText(data.answer);
    if (type === "short") form.alternatives = asList(data.alternatives);
    else {
      form.tolerance = asText(data.tolerance);
      form.unit = asText(data.unit);
    }
  }
  // Keys that belong to another type (choices on a short question) are kept, not lost.
  const used = usedQuizKeys(type);
  for (const key of QUIZ_KEYS) if (!used.has(key) && key in data) form.extra.push([key, data[key]]);
  return form;
}

function usedQuizKeys(type: QuizType): Set<string> {
  const common = ["id", "type", "prompt", "explanation", "cards"];
  const byType: Record<QuizType, string[]> = {
    single: ["choices", "answer"],
    multiple: ["choices", "answer"],
    truefalse: ["answer"],
    short: ["answer", "alternatives"],
    numeric: ["answer", "tolerance", "unit"],
    ordering: ["items"],
  };
  return new Set([...common, ...byType[type]]);
}

// ------------------------------------------------------------------ writing

/** A number typed in the form, as YAML will read it (so `answer: 0.999` stays a number). */
function numberOr(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The form → the YAML body of its block (no fences), keys in the order the format shows them. */
export function blockBody(form: BlockForm): string {
  const entries: [string, unknown][] = [["id", form.id.trim()], ["type", form.type]];
  if (form.kind === "card") {
    if (form.type === "cloze") entries.push(["text", form.text]);
    else entries.push(["front", form.front], ["back", form.back]);
    if (form.tags.length) entries.push(["tags", form.tags]);
  } else {
    entries.push(["prompt", form.prompt]);
    if (form.type === "single" || form.type === "multiple") {
      entries.push(["choices", form.choices]);
      entries.push(["answer", form.type === "single" ? (form.correct[0] ?? 0) : [...new Set(form.correct)].sort((a, b) => a - b)]);
    } else if (form.type === "ordering") entries.push(["items", form.choices]);
    else if (form.type === "truefalse") entries.push(["answer", form.truth]);
    else if (form.type === "short") {
      entries.push(["answer", form.answer]);
      const alternatives = form.alternatives.filter((a) => a.trim() !== "");
      if (alternatives.length) entries.push(["alternatives", alternatives]);
    } else {
      entries.push(["answer", numberOr(form.answer)], ["tolerance", numberOr(form.tolerance)]);
      if (form.unit.trim()) entries.push(["unit", form.unit.trim()]);
    }
    entries.push(["explanation", form.explanation]);
    if (form.cards.length) entries.push(["cards", form.cards]);
  }
  entries.push(...form.extra);

  const doc = new Document(Object.fromEntries(entries));
  // Short lists of plain values read best on one line, as the format's examples write them.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const value = pair.value as Node | null;
      if (isSeq(value) && value.items.every((item) => isScalar(item) && !String(item.value).includes("\n"))) value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** The form with an id: the one typed, or one made from its text that no other block uses. */
export function withId(form: BlockForm, taken: ReadonlySet<string>): BlockForm {
  if (form.id.trim()) return form;
  const from = form.kind === "card" ? (form.type === "cloze" ? form.text.replace(/\{\{|\}\}/g, "") : form.front) : form.prompt;
  return { ...form, id: suggestId(from, taken, form.kind === "card" ? "card" : "question") };
}

/** The whole fenced block. */
export function blockText(form: BlockForm): string {
  return "```" + form.kind + "\n" + blockBody(form) + "\n```";
}

// ------------------------------------------------------------------ the block at the cursor

export interface BlockAt {
  kind: "card" | "quiz";
  /** Offset of the opening fence's first character. */
  start: number;
  /** Offset just after the closing fence (or the end of the text for an unclosed block). */
  end: number;
  body: string;
}

interface Fence {
  start: number;
  end: number;
  lang: string;
  open: boolean;
}

/** Top-level fences (``` or ~~~ at the start of a line), paired in order. */
function fences(text: string): { kind: string; start: number; end: number; bodyStart: number; bodyEnd: number }[] {
  const out: { kind: string; start: number; end: number; bodyStart: number; bodyEnd: number }[] = [];
  let open: Fence | null = null;
  let marker = "";
  let at = 0;
  for (const line of text.split("\n")) {
    const lineEnd = at + line.length;
    const match = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (match) {
      if (!open) {
        open = { start: at, end: lineEnd, lang: match[2] ?? "", open: true };
        marker = match[1] ?? "```";
      } else if (line.trim().startsWith(marker) && line.trim().replace(/[`~]/g, "") === "") {
        out.push({ kind: open.lang, start: open.start, end: lineEnd, bodyStart: open.end + 1, bodyEnd: at });
        open = null;
      }
    }
    at = lineEnd + 1;
  }
  if (open) out.push({ kind: open.lang, start: open.start, end: text.length, bodyStart: Math.min(open.end + 1, text.length), bodyEnd: text.length });
  return out;
}

/** The card or quiz block the cursor is in (on its fences or inside), if any. */
export function blockAtCursor(text: string, cursor: number): BlockAt | null {
  for (const f of fences(text)) {
    if ((f.kind === "card" || f.kind === "quiz") && cursor >= f.start && cursor <= f.end) {
      return { kind: f.kind, start: f.start, end: f.end, body: text.slice(f.bodyStart, Math.max(f.bodyStart, f.bodyEnd)).replace(/\n$/, "") };
    }
  }
  return null;
}

/** Ids used by the note's card and quiz blocks (to suggest a new, unique one). */
export function blockIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const f of fences(text)) {
    if (f.kind !== "card" && f.kind !== "quiz") continue;
    const id = /^id:\s*["']?([^"'\s#]+)/m.exec(text.slice(f.bodyStart, f.bodyEnd));
    if (id) {
      ids.add(id[1] ?? "");
      ids.add(`${id[1]}-rev`);
    }
  }
  return ids;
}

/** A lowercase-dashed id from the first words of `from`, unique among `taken`. */
export function suggestId(from: string, taken: ReadonlySet<string>, fallback: string): string {
  const words = from
    .toLowerCase()
    .replace(/\$[^$]*\$/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 1 && !STOP.has(w))
    .slice(0, 4);
  const base = words.length ? words.join("-") : fallback;
  const safe = base.startsWith("d-") ? `x${base}` : base;
  if (!taken.has(safe)) return safe;
  for (let n = 2; ; n++) if (!taken.has(`${safe}-${n}`)) return `${safe}-${n}`;
}
const STOP = new Set(["the", "of", "a", "an", "and", "or", "is", "are", "in", "on", "to", "for", "by", "what", "which", "how", "does", "do", "why", "its", "it", "with"]);

/**
 * Writes `block` into `text`: in place of `replace` when given, else on its own lines after the
 * line the cursor is on (a block must stand alone at the top level). Returns the new text and
 * where the block now starts, to put the cursor back on it.
 */
export function putBlock(text: string, block: string, cursor: number, replace?: { start: number; end: number } | null): { text: string; start: number } {
  if (replace) return { text: text.slice(0, replace.start) + block + text.slice(replace.end), start: replace.start };
  // Inside another fence (code, maths, a widget) the block would become its text: go past it.
  const inside = fences(text).find((f) => cursor > f.start && cursor <= f.end);
  const from = inside ? inside.end : cursor;
  const lineEnd = text.indexOf("\n", from);
  const atLineStart = from === 0 || text[from - 1] === "\n";
  const at = atLineStart && !inside ? from : lineEnd === -1 ? text.length : lineEnd;
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : after === "" ? "\n" : "\n\n";
  return { text: before + lead + block + trail + after, start: before.length + lead.length };
}
