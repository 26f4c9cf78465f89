/**
 * Personal cards on a corpus note's passages (issue 17, "Add my own card here"). They are kept
 * as one own note per reader and corpus note, its "companion": an ordinary own note (ownerId
 * set), so the one visibility rule (app/lib/server/data/visibility.ts) hides them from everyone
 * else, and the queue, quizzes, progress and exports study them as any own card, with the
 * sync's history rules (an edited card keeps its reviews, a removed one is retired with them).
 * Its sections repeat the corpus note's headings, so a card's anchor is the corpus section's
 * id and the note page can show it in that section. Pure: the server passes the rows.
 */

/** The tag that marks a companion note (with the corpus note as its one prerequisite). */
export const PASSAGE_CARDS_TAG = "my-passage-cards";

export interface PassageCard {
  /** The card's id within the companion (its key in the database). */
  key: string;
  /** The corpus section's heading id. */
  anchor: string;
  front: string;
  back: string;
}

export interface CorpusNoteOutline {
  slug: string;
  title: string;
  short: string;
  area: string;
  headings: readonly { slug: string; text: string }[];
}

/** YAML double-quoted scalar (JSON strings are valid ones), so any text is safe in a block. */
const scalar = (text: string) => JSON.stringify(text);

/**
 * The companion's markdown for `cards`: the corpus note as its prerequisite, one section per
 * corpus heading that has cards (in the corpus's order, heading text as written there, so the
 * companion's heading ids are the corpus's), each card a basic card block.
 */
export function passageCardsSource(note: CorpusNoteOutline, cards: readonly PassageCard[], title: string): string {
  const lines = [
    "---",
    `title: ${scalar(title)}`,
    `short: ${scalar(`${note.short}: my cards`)}`,
    "kind: concept",
    "authors: []",
    `area: ${note.area}`,
    `tags: [${PASSAGE_CARDS_TAG}]`,
    `prerequisites: [${note.slug}]`,
    `summary: ${scalar(`My own cards on passages of ${note.title}.`)}`,
    "---",
    "",
    // A body even with no card left: the last card deleted leaves a valid, empty companion.
    `My own cards on passages of [${note.short}](/papers/${note.slug}).`,
  ];
  const seen = new Set<string>();
  for (const heading of note.headings) {
    if (seen.has(heading.text)) continue;
    seen.add(heading.text);
    const here = cards.filter((c) => c.anchor === heading.slug);
    if (here.length === 0) continue;
    lines.push("", `## ${heading.text}`);
    for (const card of here) {
      lines.push("", "```card", `id: ${card.key}`, "type: basic", `front: ${scalar(card.front)}`, `back: ${scalar(card.back)}`, "```");
    }
  }
  return `${lines.join("\n")}\n`;
}
