/**
 * Items derived from the notes themselves (docs/content-format.md, "Derived items"):
 *
 * - `d-cloze-<term>`: a cloze card from the sentence around each ==key term==;
 * - `d-introduced-<n>`: "Which paper introduced <idea>?" for the n-th (1-based) `introduces`,
 *   with "the" where the idea is one thing (`ideaPhrase`: "the momentum encoder")
 *   (no paper whose note mentions the idea is a distractor);
 * - `d-year` (numeric) and `d-venue` (single choice) for papers.
 *
 * Deterministic: ids come from slugs and positions inside a note, never from file order, and
 * choices are picked by hashing (note, question, candidate) strings. Ranking candidates by
 * their own hash (rendezvous hashing) means that adding an unrelated note changes a question
 * only if the new note's hash beats the current distractors, not every question at once.
 */
import { hash32 } from "./content-hash";
import { ideaPhrase } from "./idea-phrase";
import { clozeCard, finishQuestion } from "./items";
import type { CardItem, DerivedItems, ParsedNote, QuizItem } from "./types";

const DISTRACTORS = 3;

interface CorpusIndex {
  bySlug: Map<string, ParsedNote>;
  /** Slugs of the notes listing a note among their prerequisites. */
  dependents: Map<string, Set<string>>;
  /** All papers, sorted by slug. */
  papers: ParsedNote[];
}

export function deriveItems(notes: readonly ParsedNote[]): DerivedItems {
  const sorted = [...notes].sort((a, b) => compare(a.slug, b.slug));
  const index: CorpusIndex = { bySlug: new Map(), dependents: new Map(), papers: [] };
  for (const note of sorted) {
    index.bySlug.set(note.slug, note);
    if (note.meta.kind === "paper") index.papers.push(note);
    for (const prerequisite of note.meta.prerequisites) {
      const set = index.dependents.get(prerequisite) ?? new Set<string>();
      set.add(note.slug);
      index.dependents.set(prerequisite, set);
    }
  }
  const cards: CardItem[] = [];
  const questions: QuizItem[] = [];
  for (const note of sorted) {
    cards.push(...deriveClozeCards(note));
    questions.push(...derivePaperQuestions(note, index));
  }
  return { cards: cards.sort(byKey), questions: questions.sort(byKey) };
}

/** One cloze card per key term: the sentence with the term as its single deletion. */
export function deriveClozeCards(note: ParsedNote): CardItem[] {
  return note.keyTerms.map((term) => {
    const text = term.sentence.replace(`==${term.term}==`, () => `{{${term.term}}}`);
    return clozeCard(`d-cloze-${term.slug}`, text, [], {
      noteSlug: note.slug,
      anchor: term.anchor,
      line: term.line,
      idLine: term.line,
      derived: true,
    });
  });
}

function derivePaperQuestions(note: ParsedNote, index: CorpusIndex): QuizItem[] {
  const meta = note.meta;
  if (meta.kind !== "paper") return [];
  const questions: QuizItem[] = [];
  const lineOf = (key: string) => note.lines.frontMatter[key] ?? 1;
  const place = (key: string) => ({
    noteSlug: note.slug,
    anchor: null,
    line: lineOf(key),
    idLine: lineOf(key),
    derived: true,
  });
  const neighbours = neighbourPapers(note, index);
  const others = index.papers.filter((p) => p.slug !== note.slug && !neighbours.includes(p));

  meta.introduces.forEach((idea, i) => {
    const id = `d-introduced-${i + 1}`;
    // "Which paper introduced the Codex code model?" answers itself: no question then. The
    // numbering stays by position, so the other questions keep their ids.
    if (idea.toLowerCase().includes(meta.short.toLowerCase())) return;
    const seed = `${note.slug}|${id}`;
    // A paper whose note mentions the idea may well have shown or used it first (GPT-2 and
    // in-context learning, which GPT-3 named): never offer it as a wrong answer.
    const mentions = mentionsOf(idea);
    const pick = (papers: ParsedNote[]) =>
      papers.filter((p) => !mentions(p.body)).map((p) => p.meta.short).filter((s) => s !== meta.short);
    const distractors = pickDistinct(pick(neighbours), pick(others), seed);
    if (distractors.length === 0) return;
    const { choices, answer } = placeAnswer(meta.short, distractors, seed);
    questions.push(
      finishQuestion(
        {
          id,
          prompt: `Which paper introduced ${ideaPhrase(idea)}?`,
          explanation: `${meta.short} (*${meta.title}*, ${meta.venue}) introduced ${ideaPhrase(idea)}. ${meta.summary}`,
          payload: { type: "single", choices },
          answer: { type: "single", index: answer },
          cardRefs: [],
        },
        place("introduces"),
      ),
    );
  });

  questions.push(
    finishQuestion(
      {
        id: "d-year",
        prompt: `In what year was ${meta.short}, *${meta.title}*, published?`,
        explanation: `${meta.short} appeared in ${meta.year} (${meta.venue}).`,
        payload: { type: "numeric" },
        answer: { type: "numeric", value: meta.year, tolerance: 0 },
        cardRefs: [],
      },
      place("year"),
    ),
  );

  const seed = `${note.slug}|d-venue`;
  const venues = (papers: ParsedNote[]) => papers.map((p) => p.meta.venue ?? "").filter((v) => v !== "" && v !== meta.venue);
  const distractors = pickDistinct(venues(neighbours), venues(others), seed);
  if (distractors.length > 0) {
    const { choices, answer } = placeAnswer(meta.venue, distractors, seed);
    questions.push(
      finishQuestion(
        {
          id: "d-venue",
          prompt: `Where was ${meta.short}, *${meta.title}*, published?`,
          explanation: `${meta.short} appeared in ${meta.venue}.`,
          payload: { type: "single", choices },
          answer: { type: "single", index: answer },
          cardRefs: [],
        },
        place("venue"),
      ),
    );
  }
  return questions;
}

/**
 * Whether a text mentions `idea`: a case-insensitive phrase match with spaces collapsed and
 * hyphens read as spaces ("in-context learning" = "In-Context  learning" = "in context
 * learning"), not inside a longer word ("BERT" is not in "RoBERTa").
 */
export function mentionsOf(idea: string): (text: string) => boolean {
  const phrase = normalisePhrase(idea);
  if (phrase === "") return () => false;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u");
  return (text) => pattern.test(normalisedText(text));
}

const normalised = new Map<string, string>();

/** Note bodies are normalised once per run, not once per idea. */
function normalisedText(text: string): string {
  let out = normalised.get(text);
  if (out === undefined) {
    if (normalised.size > 500) normalised.clear();
    out = normalisePhrase(text);
    normalised.set(text, out);
  }
  return out;
}

function normalisePhrase(text: string): string {
  return text.toLowerCase().replace(/[-‐‑–]/g, " ").replace(/\s+/g, " ").trim();
}

/** Papers next to a note: same area, its prerequisites, and the notes that build on it. */
function neighbourPapers(note: ParsedNote, index: CorpusIndex): ParsedNote[] {
  const slugs = new Set<string>([...note.meta.prerequisites, ...(index.dependents.get(note.slug) ?? [])]);
  return index.papers.filter((p) => p.slug !== note.slug && (p.meta.area === note.meta.area || slugs.has(p.slug)));
}

/**
 * Up to DISTRACTORS distinct strings, neighbours first, each group ranked by the hash of
 * (seed, candidate) — so the pick depends on the candidates, not on their order.
 */
function pickDistinct(preferred: string[], fallback: string[], seed: string): string[] {
  const rank = (values: string[]) =>
    [...new Set(values)].sort((a, b) => hash32(`${seed}|${a}`) - hash32(`${seed}|${b}`) || compare(a, b));
  const picked: string[] = [];
  for (const value of [...rank(preferred), ...rank(fallback)]) {
    if (picked.length === DISTRACTORS) break;
    if (!picked.includes(value)) picked.push(value);
  }
  return picked;
}

/** Puts the right answer at a position fixed by the seed. */
function placeAnswer(right: string, distractors: string[], seed: string): { choices: string[]; answer: number } {
  const answer = hash32(`${seed}|answer`) % (distractors.length + 1);
  const choices = [...distractors];
  choices.splice(answer, 0, right);
  return { choices, answer };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return compare(a.key, b.key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
