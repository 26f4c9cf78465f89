/**
 * Files for `npm run bench:import`: a review CSV in the optimizer's columns and a JSON export
 * in the "export everything" format, both a plausible study history over the synced cards
 * (a seeded PRNG, so every run imports the same bytes).
 */
import { applyGrade, newCardState, type ReviewRating, type StoredCardState } from "@/app/lib/domain/scheduling";
import { mulberry32 } from "@/app/lib/domain/random";
import type { UserDataJson } from "@/app/lib/schemas/user-data";

export interface BenchCard {
  id: string;
  slug: string;
  key: string;
}

const DAY_MS = 86_400_000;
const STATE_CODE = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
const SETTINGS = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: false,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  parameters: null,
};

/** A learner's buttons: mostly Good, some Again and Hard, a few Easy. */
function rating(random: () => number): ReviewRating {
  const r = random();
  return r < 0.12 ? 1 : r < 0.25 ? 2 : r < 0.9 ? 3 : 4;
}

interface Review {
  card: BenchCard;
  at: number;
  rating: ReviewRating;
  durationMs: number;
  /** The card's state before the answer, and the answer's log, as the scheduler made them. */
  before: StoredCardState;
  log: ReturnType<typeof applyGrade>["log"];
  after: StoredCardState;
}

/**
 * `total` reviews spread over `cards`, each card studied from a start in the last three years
 * with gaps of minutes (learning steps) to weeks, every answer run through the app's scheduler.
 */
function history(cards: readonly BenchCard[], total: number, now: number, seed: number): Review[] {
  const random = mulberry32(seed);
  const reviews: Review[] = [];
  cards.forEach((card, index) => {
    const count = Math.floor(total / cards.length) + (index < total % cards.length ? 1 : 0);
    // Start early enough that `count` reviews (about two days apart on average) end before now.
    let at = now - (count * 2.2 + 30 + random() * 300) * DAY_MS;
    let state = newCardState(new Date(at));
    for (let i = 0; i < count; i += 1) {
      const grade = rating(random);
      const { next, log } = applyGrade(state, grade, SETTINGS, new Date(at));
      reviews.push({ card, at, rating: grade, durationMs: 1500 + Math.floor(random() * 20_000), before: state, log, after: next });
      state = next;
      // The next session: a few minutes while (re)learning, otherwise hours to a few days.
      const learning = next.state === "learning" || next.state === "relearning";
      at += learning ? (1 + random() * 20) * 60_000 : (0.2 + random() * 3.5) * DAY_MS;
    }
  });
  return reviews;
}

/** The optimizer CSV (`card_id,review_time,review_rating,review_state,review_duration`), oldest first. */
export function reviewCsv(cards: readonly BenchCard[], lines: number, now: number): string {
  const reviews = history(cards, lines, now, 42).sort((a, b) => a.at - b.at);
  const body = reviews.map((r) => `${r.card.id},${Math.floor(r.at)},${r.rating},${STATE_CODE[r.before.state]},${r.durationMs}`);
  return `card_id,review_time,review_rating,review_state,review_duration\n${body.join("\n")}\n`;
}

const iso = (t: number | Date) => new Date(t).toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function stateJson(s: StoredCardState) {
  return {
    due: iso(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: STATE_CODE[s.state],
    lastReview: isoOrNull(s.lastReview),
  };
}

/**
 * An export as `GET /api/export` writes it: settings, the study set, a card state per card and
 * `logs` review logs answered here (each with the state before it, which undo needs).
 */
export function userDataJson(cards: readonly BenchCard[], logs: number, now: number): string {
  const reviews = history(cards, logs, now, 7);
  const last = new Map<string, StoredCardState>();
  for (const r of reviews) last.set(r.card.id, r.after);
  const file: UserDataJson = {
    format: "paperdeck-user-data",
    version: 1,
    exportedAt: iso(now),
    settings: {
      ...SETTINGS,
      parameters: [],
      newPerDay: 20,
      reviewsPerDay: 200,
      timeZone: "Europe/Paris",
      dayStartHour: 4,
      studyAll: true,
      parametersFitAt: null,
    },
    studySet: [...new Set(cards.map((c) => c.slug))].sort().map((note) => ({ note, addedAt: iso(now - 1000 * DAY_MS) })),
    cardStates: cards.flatMap((c) => {
      const s = last.get(c.id);
      return s ? [{ note: c.slug, card: c.key, ...stateJson(s) }] : [];
    }),
    reviewLogs: reviews.map((r, i) => ({
      clientId: `bench-${i.toString(36).padStart(6, "0")}-${Math.floor(r.at).toString(36)}`,
      note: r.card.slug,
      card: r.card.key,
      rating: r.rating,
      state: STATE_CODE[r.log.state],
      due: iso(r.log.due),
      stability: r.log.stability,
      difficulty: r.log.difficulty,
      elapsedDays: r.log.elapsedDays,
      lastElapsedDays: r.log.lastElapsedDays,
      scheduledDays: r.log.scheduledDays,
      learningSteps: r.log.learningSteps,
      reviewedAt: iso(r.log.reviewedAt),
      durationMs: r.durationMs,
      previous: stateJson(r.before),
      source: "review" as const,
    })),
    quizAttempts: [],
  };
  return JSON.stringify(file);
}
