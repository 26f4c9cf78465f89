/**
 * Which Anki note each of our cards becomes, shared by the text export, the `.apkg` package and
 * the `.apkg` import (which must find our card again from an Anki note and card):
 *
 * - a basic card: a Basic note (Front, Back), its one card (template 0);
 * - the two sides of a reverse card (`<id>` and `<id>-rev`): one "Basic (and reversed card)"
 *   note from the `<id>` side, template 0 = `<id>`, template 1 = `<id>-rev` (a side whose
 *   partner is retired becomes a Basic note of its own);
 * - a cloze card: a Cloze note (Text, Back Extra) whose deletions are all `c1`, its one card
 *   (template 0).
 *
 * Every note's guid is derived from our card key `<slug>/<id>` (`ankiGuid`), so the import can
 * name the card behind an Anki note without a field of ours, and a second export of the same
 * note updates the note in Anki instead of adding a copy.
 */
import { createHash } from "node:crypto";
import { clozeTextOf } from "./fields";

export type AnkiNoteKind = "basic" | "reversed" | "cloze";

/** A card as stored (`Card` row): `key` is its id within the note. */
export interface CardForAnki {
  id: string;
  key: string;
  type: string;
  front: string;
  back: string;
}

export interface PlannedNote {
  /** `<slug>/<key>` of the card the note is made from (the forward side of a reverse pair). */
  noteKey: string;
  guid: string;
  kind: AnkiNoteKind;
  /** The two fields as markdown; a cloze note's first field is the cloze text (`{{…}}`). */
  fields: [string, string];
  /** Our card behind each of the note's Anki cards, by template ordinal. */
  cards: { ord: number; cardId: string }[];
}

const REVERSE_SUFFIX = "-rev";

/** A note's live cards (in their order) as Anki notes. */
export function planNotes(slug: string, cards: readonly CardForAnki[]): PlannedNote[] {
  const byKey = new Map(cards.map((c) => [c.key, c]));
  const notes: PlannedNote[] = [];
  const planned = (card: CardForAnki, kind: AnkiNoteKind, fields: [string, string], sides: CardForAnki[]): PlannedNote => {
    const noteKey = `${slug}/${card.key}`;
    return { noteKey, guid: ankiGuid(noteKey), kind, fields, cards: sides.map((c, ord) => ({ ord, cardId: c.id })) };
  };
  for (const card of cards) {
    if (card.type === "cloze") {
      notes.push(planned(card, "cloze", [clozeTextOf(card.front, card.back), ""], [card]));
      continue;
    }
    if (card.type === "reverse") {
      const partner = card.key.endsWith(REVERSE_SUFFIX) ? byKey.get(card.key.slice(0, -REVERSE_SUFFIX.length)) : byKey.get(`${card.key}${REVERSE_SUFFIX}`);
      if (partner?.type === "reverse") {
        // The pair is one note, made when its forward side comes by.
        if (!card.key.endsWith(REVERSE_SUFFIX)) notes.push(planned(card, "reversed", [card.front, card.back], [card, partner]));
        continue;
      }
    }
    notes.push(planned(card, "basic", [card.front, card.back], [card]));
  }
  return notes;
}

/** The characters of Anki's own guids (and genanki's). */
const BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

/**
 * The guid of the Anki note made from our card `<slug>/<id>`: the first 64 bits of its SHA-256,
 * written in base 91 as Anki writes its own (at most 10 characters). Stable across exports.
 */
export function ankiGuid(noteKey: string): string {
  let value = createHash("sha256").update(`paperdeck:${noteKey}`).digest().readBigUInt64BE(0);
  let out = "";
  while (value > 0n) {
    out = BASE91[Number(value % 91n)] + out;
    value /= 91n;
  }
  return out || BASE91[0]!;
}

/** Anki tags of a note's cards: `paperdeck`, the note, its area and its tags (no spaces in a tag). */
export function ankiTags(paper: { slug: string; area: string; tags: readonly string[] }): string[] {
  return ["paperdeck", `paperdeck::${paper.slug}`, `paperdeck::area::${paper.area}`, ...paper.tags.map((t) => `paperdeck::tag::${t}`)].map((t) =>
    t.trim().replace(/\s+/g, "_"),
  );
}

export const ANKI_PARENT_DECK = "PaperDeck";

/** The deck a note's cards go to: `PaperDeck::<title>` (a `::` in the title would nest a deck). */
export function ankiDeckName(title: string): string {
  const clean = title.replace(/::/g, ":").replace(/\p{Cc}/gu, "").trim();
  return `${ANKI_PARENT_DECK}::${clean || "Untitled"}`;
}
