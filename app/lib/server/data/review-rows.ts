import "#server-only";
import { stateFromCode, stateToCode, type StoredCardState } from "@/app/lib/domain/scheduling";
import { CorruptPreviousStateError } from "../errors";

/** The `previous` JSON of a review log: the card state before the answer, dates as ISO text. */
export interface PreviousJson {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: string | null;
}

export function previousJsonOf(state: StoredCardState): PreviousJson {
  return {
    due: state.due.toISOString(),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: stateToCode(state.state),
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
  };
}

function num(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CorruptPreviousStateError(`previous.${field} is not a number: ${JSON.stringify(value)}`);
  }
  return value;
}

function date(value: unknown, field: string): Date {
  const parsed = typeof value === "string" ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw new CorruptPreviousStateError(`previous.${field} is not a date: ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** Reads a log's `previous` JSON back; throws when it is not the shape `previousJsonOf` writes. */
export function stateFromPreviousJson(value: unknown): StoredCardState {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CorruptPreviousStateError("previous is not an object");
  }
  const v = value as Record<string, unknown>;
  return {
    due: date(v.due, "due"),
    stability: num(v.stability, "stability"),
    difficulty: num(v.difficulty, "difficulty"),
    elapsedDays: num(v.elapsedDays, "elapsedDays"),
    scheduledDays: num(v.scheduledDays, "scheduledDays"),
    learningSteps: num(v.learningSteps, "learningSteps"),
    reps: num(v.reps, "reps"),
    lapses: num(v.lapses, "lapses"),
    state: stateFromCode(num(v.state, "state")),
    lastReview: v.lastReview === null ? null : date(v.lastReview, "lastReview"),
  };
}

/** How far back an answer kept in the browser may be dated (older ones are dated when saved). */
const MAX_ANSWER_AGE_MS = 30 * 86_400_000;

/**
 * The instant an answer is recorded at: when the browser says it was given (an answer saved
 * after a lost connection keeps its time, so the interval is the one its button showed), but
 * never in the future, never before the card's last review, and at most 30 days back.
 */
export function answerTime(answeredAt: number, now: Date, lastReview: Date | null): Date {
  const nowMs = now.getTime();
  let at = Math.min(answeredAt, nowMs);
  if (at < nowMs - MAX_ANSWER_AGE_MS) at = nowMs;
  if (lastReview && at < lastReview.getTime()) at = lastReview.getTime();
  return new Date(at);
}
