import { QuizAssemblyError } from "./errors";
import { shuffle } from "./random";

export interface AssemblableQuestion {
  /** Unique among the questions passed (a database id, or "noteSlug/key"). */
  key: string;
  noteSlug: string;
  /**
   * Questions of one note that ask alike ("which paper introduced …?", whose answer is that
   * note each time) share a group: a quiz takes at most one of each group per note.
   */
  group?: string;
}

export interface AssembleQuizInput<T extends AssemblableQuestion> {
  questions: readonly T[];
  /** The chosen notes; questions of other notes are ignored. */
  noteSlugs: readonly string[];
  /** Number of questions wanted (fewer when the notes do not have that many). */
  length: number;
  seed: string;
  /** Optional priority by question key (e.g. `weakSpotPriority().questionWeights`): higher first. */
  weights?: Readonly<Record<string, number>>;
}

/**
 * A mixed quiz that spreads its questions across the chosen notes round-robin: one question
 * from each note in turn, then a second from each, and so on until `length`, so no note
 * supplies two questions before every note with questions left has supplied one.
 * Without weights, the notes' turn order and each note's questions are seeded shuffles
 * (`shuffle(notes, seed)`, `shuffle(questions, seed + ":" + slug)`); with weights, each note's
 * questions go highest weight first and notes take turns by their highest weight, ties keeping
 * the seeded order. Same input and seed, same quiz.
 */
export function assembleQuiz<T extends AssemblableQuestion>(input: AssembleQuizInput<T>): T[] {
  const { questions, noteSlugs, length, seed, weights } = input;
  if (!Number.isInteger(length) || length < 0) {
    throw new QuizAssemblyError("length", length, "must be a whole number ≥ 0");
  }
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.key))
      throw new QuizAssemblyError("questions", question.key, "question keys must be unique");
    seen.add(question.key);
  }
  const weightOf = (question: T): number => weights?.[question.key] ?? 0;

  const byNote = new Map<string, T[]>([...new Set(noteSlugs)].map((slug) => [slug, []]));
  for (const question of questions) byNote.get(question.noteSlug)?.push(question);

  const queues = shuffle([...byNote.keys()], seed)
    .map((slug) => {
      const ordered = shuffle(byNote.get(slug) ?? [], `${seed}:${slug}`);
      if (weights) ordered.sort((a, b) => weightOf(b) - weightOf(a));
      const groups = new Set<string>();
      return ordered.filter((q) => {
        if (q.group === undefined) return true;
        if (groups.has(q.group)) return false;
        groups.add(q.group);
        return true;
      });
    })
    .filter((queue) => queue.length > 0);
  if (weights) {
    queues.sort((a, b) => (b[0] ? weightOf(b[0]) : 0) - (a[0] ? weightOf(a[0]) : 0));
  }

  const quiz: T[] = [];
  for (let round = 0; quiz.length < length; round += 1) {
    let added = false;
    for (const queue of queues) {
      const question = queue[round];
      if (question === undefined) continue;
      quiz.push(question);
      added = true;
      if (quiz.length === length) break;
    }
    if (!added) break;
  }
  return quiz;
}

export interface WeakSpotInput {
  questions: readonly { key: string; noteSlug: string; cardKeys?: readonly string[] }[];
  /** Cards the user has studied, with their current retrievability (0..1) and lapse count. */
  cards: readonly { key: string; noteSlug: string; retrievability: number; lapses: number }[];
  /** Past quiz answers per question. */
  history: readonly { questionKey: string; answered: number; missed: number }[];
}

export interface WeakSpotRanking {
  notes: { noteSlug: string; priority: number; cardWeakness: number; missRate: number }[];
  questions: { key: string; noteSlug: string; priority: number }[];
  /** `questions` as a key → priority map, ready for `assembleQuiz({ weights })`. */
  questionWeights: Record<string, number>;
}

/**
 * Ranks notes and questions by how weak the user is on them, weakest first:
 * - card weakness $$w_c = (1 - R_c) + 0.5 \cdot \frac{\text{lapses}_c}{\text{lapses}_c + 2}$$
 *   (forgetting now, plus a bounded bonus for cards that keep lapsing), in [0, 1.5);
 * - question miss rate $$m_q = \frac{\text{missed}_q}{\text{answered}_q + 1}$$ (the +1 keeps one
 *   unlucky answer from dominating; an unanswered question has 0);
 * - question priority = m_q + mean w_c of its linked cards (of its note's cards when it links
 *   none; 0 when the note has no studied cards);
 * - note priority = mean w_c of its cards + mean m_q of its questions.
 * Ties are broken by key / slug so the ranking is deterministic. Pass only studied cards:
 * a new card's retrievability of 0 means "unknown", not "forgotten".
 */
export function weakSpotPriority(input: WeakSpotInput): WeakSpotRanking {
  const cardWeakness = new Map<string, number>();
  const noteCardWeakness = new Map<string, number[]>();
  for (const card of input.cards) {
    const r = Math.min(1, Math.max(0, card.retrievability));
    const lapses = Math.max(0, card.lapses);
    const weakness = 1 - r + (0.5 * lapses) / (lapses + 2);
    cardWeakness.set(card.key, weakness);
    push(noteCardWeakness, card.noteSlug, weakness);
  }
  const missRate = new Map<string, number>();
  for (const entry of input.history) {
    const answered = Math.max(0, entry.answered);
    const missed = Math.min(answered, Math.max(0, entry.missed));
    missRate.set(entry.questionKey, missed / (answered + 1));
  }

  const noteMiss = new Map<string, number[]>();
  const questions = input.questions.map((question) => {
    const m = missRate.get(question.key) ?? 0;
    push(noteMiss, question.noteSlug, m);
    const linked = (question.cardKeys ?? []).flatMap((key) => {
      const w = cardWeakness.get(key);
      return w === undefined ? [] : [w];
    });
    const cards = linked.length > 0 ? linked : (noteCardWeakness.get(question.noteSlug) ?? []);
    return { key: question.key, noteSlug: question.noteSlug, priority: m + mean(cards) };
  });
  questions.sort((a, b) => b.priority - a.priority || compare(a.key, b.key));

  const slugs = new Set([...noteCardWeakness.keys(), ...noteMiss.keys()]);
  const notes = [...slugs].map((noteSlug) => {
    const weakness = mean(noteCardWeakness.get(noteSlug) ?? []);
    const miss = mean(noteMiss.get(noteSlug) ?? []);
    return { noteSlug, priority: weakness + miss, cardWeakness: weakness, missRate: miss };
  });
  notes.sort((a, b) => b.priority - a.priority || compare(a.noteSlug, b.noteSlug));

  return {
    notes,
    questions,
    questionWeights: Object.fromEntries(questions.map((q) => [q.key, q.priority])),
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
