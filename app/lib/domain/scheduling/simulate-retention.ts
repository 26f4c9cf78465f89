/**
 * Optimal retention from the user's own collection (the FSRS wiki's CMRR idea): simulate their
 * cards for a year at each desired retention and compare the daily workload with the knowledge
 * kept. Pure: the caller passes the cards, the weights, the daily new-card limit, the seconds an
 * answer takes (from the user's logs) and a seed.
 *
 * The model, day by day: the day's new cards (up to the limit) are introduced; every card due
 * before the day ends is answered when due (learning steps included, passed with good); a card in
 * review is recalled with probability R(t, S) and then answered good, otherwise again. Each
 * answer costs the seconds measured for its kind (a new card, a recalled review, a forgotten
 * one). Knowledge = the sum of every studied card's R at the end of the year.
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-optimal-retention
 */
import { SchedulingInputError } from "./errors";
import { buildScheduler, fromCard, toCard, toGrade } from "./fsrs-adapter";
import type { SchedulerSettings, StoredCardState } from "./types";
import { mulberry32 } from "../random";

const DAY_MS = 86_400_000;
/** Day 0 of a simulation (any fixed instant: only differences matter). */
const START = Date.UTC(2001, 0, 1);
const STUDY_HOUR_MS = 9 * 3_600_000;

export interface AnswerCosts {
  /** Seconds to answer a new card (its first answer and its learning steps). */
  newSeconds: number;
  /** Seconds for a review recalled. */
  recallSeconds: number;
  /** Seconds for a review forgotten (and its relearning). */
  forgetSeconds: number;
}

/** A studied card at the start: its memory state, with dates as days relative to day 0. */
export interface SimulatedCard {
  stability: number;
  difficulty: number;
  /** Days before day 0 of the last review (≥ 0). */
  lastReviewDaysAgo: number;
  /** Days from day 0 until due (negative: overdue). */
  dueInDays: number;
}

export interface RetentionSimulationInput {
  settings: SchedulerSettings;
  cards: readonly SimulatedCard[];
  /** Cards not studied yet. */
  newCards: number;
  newPerDay: number;
  costs: AnswerCosts;
  days: number;
  seed: number;
  /** The draws deciding recall (a review is recalled when the draw is below R); default: seeded by `seed`. */
  random?: (() => number) | undefined;
}

export interface RetentionPoint {
  desiredRetention: number;
  /** Average minutes of answering a day. */
  minutesPerDay: number;
  reviewsPerDay: number;
  /** Sum of R over the studied cards at the end. */
  knowledge: number;
  /** Minutes a day per unit of knowledge: what CMRR minimises. */
  minutesPerKnowledge: number;
}

/** The retentions the chart compares (0.70–0.97). */
export const SIMULATED_RETENTIONS = [0.7, 0.73, 0.76, 0.79, 0.82, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.97] as const;

interface Sim {
  state: StoredCardState;
}

/** One year (or `days`) of the collection at one desired retention. */
export function simulateRetention(input: RetentionSimulationInput, desiredRetention: number): RetentionPoint {
  const { cards, newCards, newPerDay, costs, days, seed } = input;
  if (!Number.isInteger(days) || days < 1) throw new SchedulingInputError("days", days, "must be a whole number ≥ 1");
  if (!Number.isInteger(newPerDay) || newPerDay < 0) throw new SchedulingInputError("newPerDay", newPerDay, "must be a whole number ≥ 0");
  const settings = { ...input.settings, desiredRetention, enableFuzz: false };
  const scheduler = buildScheduler(settings);
  const random = input.random ?? mulberry32(seed);
  const studied: Sim[] = cards.map((c) => ({
    state: {
      due: new Date(START + STUDY_HOUR_MS + c.dueInDays * DAY_MS),
      stability: c.stability,
      difficulty: c.difficulty,
      elapsedDays: 0,
      scheduledDays: Math.max(0, Math.round(c.dueInDays + c.lastReviewDaysAgo)),
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: "review",
      lastReview: new Date(START + STUDY_HOUR_MS - c.lastReviewDaysAgo * DAY_MS),
    },
  }));
  // Cards by the day they are due on (overdue ones on day 0), so a day looks at its own cards only.
  const buckets: Sim[][] = Array.from({ length: days }, () => []);
  const file = (card: Sim) => {
    const day = Math.max(0, Math.floor((card.state.due.getTime() - START) / DAY_MS));
    if (day < days) buckets[day]?.push(card);
  };
  studied.forEach(file);
  let remainingNew = newCards;
  let seconds = 0;
  let reviews = 0;
  for (let day = 0; day < days; day += 1) {
    const dayStart = START + day * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const introduce = Math.min(newPerDay, remainingNew);
    remainingNew -= introduce;
    for (let i = 0; i < introduce; i += 1) {
      const due = new Date(dayStart + STUDY_HOUR_MS);
      const card = { state: fromCard(scheduler.next(toCard(emptyAt(due)), due, toGrade(3)).card) };
      studied.push(card);
      file(card);
      // The first answer is counted here; the card's learning steps follow below.
      seconds += costs.newSeconds;
      reviews += 1;
    }
    let clock = dayStart + STUDY_HOUR_MS;
    for (let pass = 0; pass < 10; pass += 1) {
      const due = buckets[day] ?? [];
      buckets[day] = [];
      if (due.length === 0) break;
      due.sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
      for (const card of due) {
        clock = Math.min(dayEnd - 1, Math.max(clock, card.state.due.getTime()));
        const at = new Date(clock);
        const before = card.state;
        const inReview = before.state === "review";
        const recalled = !inReview || random() < scheduler.get_retrievability(toCard(before), at, false);
        seconds += inReview ? (recalled ? costs.recallSeconds : costs.forgetSeconds) : costs.newSeconds;
        reviews += 1;
        card.state = fromCard(scheduler.next(toCard(before), at, toGrade(recalled ? 3 : 1)).card);
        file(card);
      }
    }
    // Steps still due today after ten passes wait for tomorrow.
    const left = buckets[day] ?? [];
    buckets[day] = [];
    if (day + 1 < days) buckets[day + 1]?.push(...left);
  }
  const end = new Date(START + days * DAY_MS);
  const knowledge = studied.reduce((sum, c) => sum + scheduler.get_retrievability(toCard(c.state), end, false), 0);
  const minutesPerDay = seconds / 60 / days;
  return {
    desiredRetention,
    minutesPerDay,
    reviewsPerDay: reviews / days,
    knowledge,
    minutesPerKnowledge: knowledge > 0 ? minutesPerDay / knowledge : Infinity,
  };
}

function emptyAt(due: Date): StoredCardState {
  return { due, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: "new", lastReview: null };
}

/** The point CMRR recommends: the least minutes a day per unit of knowledge kept. */
export function minimumWorkloadPoint(points: readonly RetentionPoint[]): RetentionPoint | null {
  return points.reduce<RetentionPoint | null>((best, p) => (best === null || p.minutesPerKnowledge < best.minutesPerKnowledge ? p : best), null);
}

/**
 * Seconds per answer kind from the user's answers (durations in ms, by whether the card was new
 * or learning, a review recalled or forgotten): each the median, or 20 s, 8 s and 20 s where
 * there are fewer than 10 answers of a kind.
 */
export function answerCostsFrom(durations: { kind: "new" | "recall" | "forget"; ms: number }[]): AnswerCosts {
  const median = (kind: "new" | "recall" | "forget", fallback: number) => {
    const xs = durations.filter((d) => d.kind === kind && d.ms > 0 && d.ms < 600_000).map((d) => d.ms / 1000).sort((a, b) => a - b);
    if (xs.length < 10) return fallback;
    const mid = xs.length >> 1;
    return xs.length % 2 ? (xs[mid] ?? fallback) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
  };
  return { newSeconds: median("new", 20), recallSeconds: median("recall", 8), forgetSeconds: median("forget", 20) };
}
