/**
 * Builders for cards and questions, shared by authored blocks (parse-note) and derived items
 * (derive-items), so both get their keys, cloze sides and hashes the same way.
 */
import type { CardBlock, QuizAnswer, QuizBlock, QuizPayload } from "@/app/lib/schemas/content";
import { unsolvedOrder } from "../quiz/partial-order";
import { clozeBack, clozeFront, parseCloze } from "./cloze";
import { contentHash, seededShuffle } from "./content-hash";
import type { CardItem, QuizItem } from "./types";

export function itemKey(noteSlug: string, id: string): string {
  return `${noteSlug}/${id}`;
}

export interface ItemPlace {
  noteSlug: string;
  anchor: string | null;
  line: number;
  idLine: number;
  derived: boolean;
}

type CardFields = Pick<CardItem, "id" | "type" | "front" | "back" | "cloze" | "reverseOf" | "tags">;

function finishCard(fields: CardFields, place: ItemPlace): CardItem {
  const key = itemKey(place.noteSlug, fields.id);
  const hash = contentHash({
    type: fields.type,
    front: fields.front,
    back: fields.back,
    tags: fields.tags,
    anchor: place.anchor,
  });
  return { key, ...fields, ...place, hash };
}

/** A card block as the cards a learner reviews: a reverse block gives `<id>` and `<id>-rev`. */
export function cardsFromBlock(block: CardBlock, place: ItemPlace): CardItem[] {
  const tags = block.tags ?? [];
  if (block.type === "cloze") return [clozeCard(block.id, block.text, tags, place)];
  const forward = finishCard(
    { id: block.id, type: block.type, front: block.front, back: block.back, cloze: null, reverseOf: null, tags },
    place,
  );
  if (block.type === "basic") return [forward];
  const backward = finishCard(
    {
      id: `${block.id}-rev`,
      type: "reverse",
      front: block.back,
      back: block.front,
      cloze: null,
      reverseOf: forward.key,
      tags,
    },
    place,
  );
  return [forward, backward];
}

/** A cloze card: all deletions hidden together on the front, marked on the back. */
export function clozeCard(id: string, text: string, tags: string[], place: ItemPlace): CardItem {
  const deletions = parseCloze(text).deletions.map((d) => d.text);
  return finishCard(
    {
      id,
      type: "cloze",
      front: clozeFront(text),
      back: clozeBack(text),
      cloze: { text, deletions },
      reverseOf: null,
      tags,
    },
    place,
  );
}

/** Splits a quiz block into what is shown (payload) and what is scored (answer). */
export function payloadAndAnswer(block: QuizBlock, key: string): { payload: QuizPayload; answer: QuizAnswer } {
  switch (block.type) {
    case "single":
      return { payload: { type: "single", choices: block.choices }, answer: { type: "single", index: block.answer } };
    case "multiple":
      return {
        payload: { type: "multiple", choices: block.choices },
        answer: { type: "multiple", indices: [...block.answer].sort((a, b) => a - b) },
      };
    case "truefalse":
      return { payload: { type: "truefalse" }, answer: { type: "truefalse", value: block.answer } };
    case "short":
      return {
        payload: { type: "short" },
        answer: { type: "short", value: block.answer, alternatives: block.alternatives ?? [] },
      };
    case "numeric":
      return {
        payload: block.unit === undefined ? { type: "numeric" } : { type: "numeric", unit: block.unit },
        answer: { type: "numeric", value: block.answer, tolerance: block.tolerance },
      };
    case "ordering": {
      // Shuffled once, by the question's key: the same question always shows the same start.
      // With `before`, never an order that already satisfies every pair. `before` enters the
      // answer (and so the hash) only when given: questions without it keep their hashes.
      const shuffled = seededShuffle(block.items, key, true);
      if (block.before === undefined)
        return { payload: { type: "ordering", items: shuffled }, answer: { type: "ordering", items: block.items } };
      const before = block.before.map(([i, j]) => [i, j] as [number, number]);
      return {
        payload: { type: "ordering", items: unsolvedOrder(shuffled, (item) => block.items.indexOf(item), before) },
        answer: { type: "ordering", items: block.items, before },
      };
    }
  }
}

export interface QuestionFields {
  id: string;
  prompt: string;
  explanation: string;
  payload: QuizPayload;
  answer: QuizAnswer;
  cardRefs: { id: string; line: number }[];
}

export function finishQuestion(fields: QuestionFields, place: ItemPlace): QuizItem {
  const key = itemKey(place.noteSlug, fields.id);
  const cardKeys = fields.cardRefs.map((ref) => itemKey(place.noteSlug, ref.id));
  const hash = contentHash({
    prompt: fields.prompt,
    payload: fields.payload,
    answer: fields.answer,
    explanation: fields.explanation,
    cardKeys,
    anchor: place.anchor,
  });
  return { key, type: fields.payload.type, ...fields, cardKeys, ...place, hash };
}
