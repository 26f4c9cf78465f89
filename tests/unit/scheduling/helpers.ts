/**
 * Test helpers that talk to ts-fsrs directly, independently of the module under test, so the
 * tests compare our wrapper with what the library itself gives.
 */
import { fsrs, generatorParameters, State, type Card, type FSRS, type StepUnit } from "ts-fsrs";

import type { SchedulerSettings, StoredCardState } from "@/app/lib/domain/scheduling";

export const T0 = new Date("2025-01-06T09:00:00.000Z");
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const BASE_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: false,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  parameters: null,
};

export function directScheduler(settings: SchedulerSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
      ...(settings.parameters ? { w: [...settings.parameters] } : {}),
    }),
  );
}

const STATE_NAMES = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
} as const;

export function storedFromCard(card: Card): StoredCardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}
