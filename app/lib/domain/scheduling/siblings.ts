/**
 * Sibling cards: cards made from one piece of a note, which give each other away when shown on
 * the same day (Anki's "bury siblings"): the two sides of a reverse card (`<id>` and
 * `<id>-rev`), and the cloze cards of one sentence (each key term of a sentence makes its own
 * cloze card, and every one of them shows the sentence with the other terms marked).
 */

/** What a card's siblings are found by: its note, its key, its type and its back. */
export interface SiblingSource {
  /** The note (paper) the card belongs to. */
  noteId: string;
  key: string;
  type: string;
  /** The answer side: a cloze card's full text with the deletions marked. */
  back: string;
}

export interface BuryOptions {
  /** Bury the other side of a reverse card. */
  reverse: boolean;
  /** Bury the other cloze cards of the same sentence. */
  cloze: boolean;
}

/**
 * The card's sibling group (cards of one group are shown on different days), or null when the
 * card has no siblings of a kind `options` buries.
 */
export function siblingGroupOf(card: SiblingSource, options: BuryOptions): string | null {
  if (card.type === "reverse" && options.reverse) {
    return `${card.noteId}\u0000reverse\u0000${card.key.replace(/-rev$/, "")}`;
  }
  if (card.type === "cloze" && options.cloze) return `${card.noteId}\u0000cloze\u0000${card.back}`;
  return null;
}
