/**
 * An idea from a note's `introduces`, as it reads after "Which paper introduced …?": a single
 * thing gets "the" ("the momentum encoder", "the queue of negative keys"), while plurals
 * ("object queries"), activities and abstract nouns ("patch merging", "next sentence
 * prediction", "zero-shot task transfer"), and names ("shuffling BN", "CLIP as a drop-in
 * encoder") stay bare, as do ideas already written with an article ("the term in-context learning").
 *
 * The rule reads the phrase's head noun: the last word before its first preposition or
 * relative word ("queue" in "queue of negative keys").
 */

/** Words that end a noun phrase's head: what follows qualifies it. */
const QUALIFIERS = new Set([
  "for", "of", "with", "as", "in", "by", "on", "across", "from", "to", "that", "over", "during", "under", "into", "beats", "controlled",
]);
/** Heads used without an article although they do not look like it (uncountable in this sense). */
const MASS_NOUNS = new Set(["transfer", "depth", "knowledge", "bias", "data", "supervision"]);
const ABSTRACT_ENDING = /(?:ing|tion|sion)$/;

/** The head noun of `idea`: the last word before its first qualifier, without punctuation. */
export function headWord(idea: string): string {
  const words = idea.split(/\s+/).filter(Boolean);
  const stop = words.findIndex((w, i) => i > 0 && QUALIFIERS.has(w.toLowerCase()));
  const head = words[(stop === -1 ? words.length : stop) - 1] ?? "";
  return head.replace(/[^\p{L}\p{N}@-]+$/u, "");
}

/** Whether "Which paper introduced" needs "the" before `idea`. */
export function needsArticle(idea: string): boolean {
  if (/^(?:the|a|an)\s/i.test(idea)) return false;
  const head = headWord(idea);
  const last = head.split("-").pop() ?? head;
  const lower = last.toLowerCase();
  if (lower === "") return false;
  // A name (CLIP, BN, ConvNets, GroupViT): capitals past its first letter.
  if (/\p{Lu}/u.test(last.slice(1))) return false;
  if (/s$/.test(lower) && !/(?:ss|us|is)$/.test(lower)) return false; // a plural
  if (ABSTRACT_ENDING.test(lower) || MASS_NOUNS.has(lower)) return false;
  return true;
}

/** `idea` as the object of "introduced": with "the" where one single thing is meant. */
export function ideaPhrase(idea: string): string {
  return needsArticle(idea) ? `the ${idea}` : idea;
}
